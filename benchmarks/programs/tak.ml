(* Recursion: Takeuchi function, three arguments, deep non-tail calls. *)
(* bench: quick=40 *)
let rec tak x y z =
  if y < x then tak (tak (x - 1) y z) (tak (y - 1) z x) (tak (z - 1) x y) else z

let () =
  let n = if Array.length Sys.argv > 1 then int_of_string Sys.argv.(1) else 1000 in
  let s = ref 0 in
  for i = 1 to n do
    s := !s + tak (18 + i mod 3) 12 6
  done;
  Printf.printf "tak sum = %d\n" !s
