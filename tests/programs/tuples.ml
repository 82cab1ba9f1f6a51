(* Tuples: construction, destructuring, nested tuples, fst/snd, tuples as function results and in lists *)
let divmod a b = (a / b, a mod b)
let swap (a, b) = (b, a)
let rotate (a, b, c) = (b, c, a)

let () =
  let q, r = divmod 17 5 in
  Printf.printf "%d %d\n" q r;
  let p = (1, "one") in
  Printf.printf "%d %s\n" (fst p) (snd p);
  let s = swap p in
  Printf.printf "%s %d\n" (fst s) (snd s);
  let a, b, c = rotate (rotate (1, 2, 3)) in
  Printf.printf "%d %d %d\n" a b c;
  let ((w, x), (y, z)) = ((1, 2), (3, 4)) in
  Printf.printf "%d\n" ((w * x) + (y * z));
  let l = [ (1, 'a', 1.5); (2, 'b', 2.5); (3, 'c', 3.5) ] in
  List.iter (fun (n, c, f) -> Printf.printf "%d%c%.1f " n c f) l;
  print_newline ();
  let sum3 = List.fold_left (fun (a, b) (x, _, z) -> (a + x, b +. z)) (0, 0.) l in
  Printf.printf "%d %.1f\n" (fst sum3) (snd sum3);
  let minmax l = List.fold_left (fun (lo, hi) x -> (min lo x, max hi x)) (max_int, min_int) l in
  let lo, hi = minmax [ 5; -3; 12; 7 ] in
  Printf.printf "lo=%d hi=%d\n" lo hi;
  let big = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10) in
  let (_, _, _, _, _, _, _, _, _, ten) = big in
  Printf.printf "ten=%d\n" ten;
  let t = (fun x -> x + 1), (fun x -> x * 2) in
  Printf.printf "%d\n" ((fst t) ((snd t) 5))
