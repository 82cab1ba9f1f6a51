(* gc_counters: Gc.stat / quick_stat / counters / minor_words / allocated_bytes grow with allocation and collections; Gc.get / set; the values themselves differ between runtimes, so only their relations are printed *)
let say fmt = Printf.ksprintf print_endline fmt

let rec build n acc = if n = 0 then acc else build (n - 1) (n :: acc)
let live = ref []

let () =
  Gc.full_major ();
  let s0 = Gc.quick_stat () in
  let w0 = Gc.minor_words () in
  let b0 = Gc.allocated_bytes () in
  let (m0, _, _) = Gc.counters () in
  live := build 200_000 [];
  let w1 = Gc.minor_words () in
  let b1 = Gc.allocated_bytes () in
  let (m1, p1, ma1) = Gc.counters () in
  say "minor_words grew: %b" (w1 > w0);
  say "allocated_bytes grew: %b" (b1 > b0);
  say "counters grew: %b, promoted >= 0: %b, major >= 0: %b" (m1 > m0) (p1 >= 0.) (ma1 >= 0.);
  let s = Gc.stat () in
  say "heap_words > 0: %b" (s.Gc.heap_words > 0);
  say "live_words > 0: %b" (s.Gc.live_words > 0);
  say "top_heap_words >= heap_words: %b" (s.Gc.top_heap_words >= s.Gc.heap_words);
  say "stat minor_words grew: %b" (s.Gc.minor_words > s0.Gc.minor_words);
  let q = Gc.quick_stat () in
  say "quick_stat heap_words > 0: %b" (q.Gc.heap_words > 0);
  Gc.minor ();
  let s1 = Gc.quick_stat () in
  say "minor: minor_collections grew: %b" (s1.Gc.minor_collections > s.Gc.minor_collections);
  Gc.major ();
  let s2 = Gc.quick_stat () in
  say "major: major_collections grew: %b, minor_collections grew: %b"
    (s2.Gc.major_collections > s1.Gc.major_collections)
    (s2.Gc.minor_collections > s1.Gc.minor_collections);
  Gc.full_major ();
  let s3 = Gc.quick_stat () in
  say "full_major: major_collections grew: %b, forced_major_collections +%d"
    (s3.Gc.major_collections > s2.Gc.major_collections)
    (s3.Gc.forced_major_collections - s2.Gc.forced_major_collections);
  Gc.compact ();
  let s4 = Gc.quick_stat () in
  say "compact: compactions grew: %b, forced_major_collections +%d"
    (s4.Gc.compactions > s3.Gc.compactions)
    (s4.Gc.forced_major_collections - s3.Gc.forced_major_collections);
  ignore (Gc.major_slice 0);
  let s5 = Gc.quick_stat () in
  say "counts never decrease: %b"
    (s5.Gc.minor_collections >= s4.Gc.minor_collections
     && s5.Gc.major_collections >= s4.Gc.major_collections
     && s5.Gc.minor_words >= s4.Gc.minor_words
     && s5.Gc.top_heap_words >= s4.Gc.top_heap_words);
  say "still live: %d" (List.length !live);
  let c = Gc.get () in
  Gc.set { c with Gc.space_overhead = 200 };
  say "space_overhead: %d" (Gc.get ()).Gc.space_overhead;
  Gc.set c;
  say "restored: %b" ((Gc.get ()).Gc.space_overhead = c.Gc.space_overhead)
