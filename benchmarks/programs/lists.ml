(* Lists: map, filter, fold, rev, append, assoc, sorting (List.sort, stable_sort). *)
(* bench: quick=5 *)
let () =
  let n = if Array.length Sys.argv > 1 then int_of_string Sys.argv.(1) else 90 in
  let base = List.init 10000 (fun i -> (i * 7919) land 0xFFFF) in
  let acc = ref 0 in
  for it = 1 to n do
    let m = List.map (fun x -> (x * 3) + it) base in
    let f = List.filter (fun x -> x land 1 = 0) m in
    let s = List.fold_left ( + ) 0 f in
    let r = List.rev_map (fun x -> x lxor it) f in
    let sorted = List.sort compare r in
    let sorted2 = List.stable_sort (fun a b -> b - a) (List.rev_append r m) in
    let len = List.length sorted in
    let pairs = List.combine (List.filteri (fun i _ -> i < 100) sorted) (List.init 100 (fun i -> i)) in
    let a = List.fold_left (fun a (k, _) -> a + List.assoc k pairs) 0 pairs in
    let e = List.exists (fun x -> x = it) sorted && List.for_all (fun x -> x >= 0) sorted2 in
    let cm = List.concat_map (fun x -> [ x; x + 1 ]) (List.filteri (fun i _ -> i < 1000) m) in
    acc :=
      (!acc + s + List.hd sorted + len + List.nth sorted (len / 2) + List.hd sorted2 + a
      + (if e then 1 else 0) + List.fold_right (fun x a -> (x + a) land 0xFFFFFF) cm 0)
      land 0x3FFFFFFF
  done;
  Printf.printf "lists checksum = %d\n" !acc
