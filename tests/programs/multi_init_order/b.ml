(* Multi-module init order: second module registers functions into A at load time *)
let () = print_endline "B: initializing"
let () = A.register "square" (fun x -> A.table.(x mod 5) + x * 0)
let () = A.register "double" (fun x -> 2 * x)
let b_value = Array.fold_left ( + ) 0 A.table
let () = Printf.printf "B: b_value=%d\n" b_value
