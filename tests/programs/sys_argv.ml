(* Sys.argv length (program run without arguments), Sys.getenv_opt on an unset variable, Sys.file_exists on a missing path *)
let () =
  Printf.printf "argc=%d\n" (Array.length Sys.argv);
  Printf.printf "argv0 nonempty=%b\n" (String.length Sys.argv.(0) > 0);
  (match Sys.getenv_opt "LUA_OF_OCAML_SURELY_UNSET_VARIABLE_12345" with
  | None -> print_endline "getenv_opt: None"
  | Some v -> Printf.printf "getenv_opt: Some %S\n" v);
  (match Sys.getenv "LUA_OF_OCAML_SURELY_UNSET_VARIABLE_12345" with
  | _ -> print_endline "getenv: found"
  | exception Not_found -> print_endline "getenv: Not_found");
  Printf.printf "file_exists=%b\n" (Sys.file_exists "/definitely/not/a/real/path/xyz");
  Printf.printf "interactive=%b\n" !Sys.interactive
