(* Multi-module init order: third module with a lazy value and an at_exit handler registered at load time *)
let () = print_endline "C: initializing"
let expensive = lazy (print_endline "C: forcing expensive"; B.b_value * 100)
let () = at_exit (fun () -> print_endline "C: at_exit")
let () = A.register "plus_b" (fun x -> x + B.b_value)
