(* Multi-module init order: first module, its toplevel effects run first *)
let () = print_endline "A: initializing"
let table = Array.init 5 (fun i -> i * i)
let registry : (string * (int -> int)) list ref = ref []
let register name f = Printf.printf "A: register %s\n" name; registry := (name, f) :: !registry
let () = print_endline "A: done"
