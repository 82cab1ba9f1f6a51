(* Recursion: naive doubly recursive Fibonacci. *)
(* bench: quick=27 *)
let rec fib n = if n < 2 then n else fib (n - 1) + fib (n - 2)

let () =
  let n = if Array.length Sys.argv > 1 then int_of_string Sys.argv.(1) else 38 in
  Printf.printf "fib %d = %d\n" n (fib n)
