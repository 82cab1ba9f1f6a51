(* Arrays of arrays: make_matrix, matrix multiplication, transposition, aliasing pitfalls with Array.make, float matrices *)
let print_matrix m = Array.iter (fun row -> print_endline (String.concat " " (Array.to_list (Array.map (Printf.sprintf "%4d") row)))) m

let mul a b =
  let n = Array.length a and p = Array.length b.(0) and k = Array.length b in
  let c = Array.make_matrix n p 0 in
  for i = 0 to n - 1 do for j = 0 to p - 1 do for t = 0 to k - 1 do c.(i).(j) <- c.(i).(j) + (a.(i).(t) * b.(t).(j)) done done done;
  c

let transpose m = let r = Array.length m and c = Array.length m.(0) in Array.init c (fun j -> Array.init r (fun i -> m.(i).(j)))

let () =
  let m = Array.make_matrix 3 4 0 in
  for i = 0 to 2 do for j = 0 to 3 do m.(i).(j) <- (i * 4) + j done done;
  print_matrix m;
  print_endline "--";
  print_matrix (transpose m);
  print_endline "--";
  print_matrix (mul m (transpose m));
  print_endline "--";
  let shared = Array.make 3 (Array.make 3 0) in
  shared.(0).(0) <- 9;
  Printf.printf "aliased: %d %d %d\n" shared.(0).(0) shared.(1).(0) shared.(2).(0);
  let id = Array.init 4 (fun i -> Array.init 4 (fun j -> if i = j then 1 else 0)) in
  print_matrix id;
  let fm = Array.make_matrix 2 2 0.5 in
  fm.(1).(1) <- 3.25;
  Array.iter (fun r -> Array.iter (fun x -> Printf.printf "%.2f " x) r; print_newline ()) fm;
  let jagged = Array.init 5 (fun i -> Array.make (i + 1) i) in
  Array.iter (fun r -> Printf.printf "%d:%d " (Array.length r) (Array.fold_left ( + ) 0 r)) jagged;
  print_newline ();
  (* pascal triangle *)
  let n = 10 in
  let p = Array.make_matrix n n 0 in
  for i = 0 to n - 1 do p.(i).(0) <- 1; for j = 1 to i do p.(i).(j) <- p.(i - 1).(j - 1) + p.(i - 1).(j) done done;
  print_endline (String.concat " " (Array.to_list (Array.map string_of_int (Array.sub p.(9) 0 10))))
