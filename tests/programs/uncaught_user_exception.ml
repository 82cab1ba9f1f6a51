(* Uncaught user exception with arguments raised from a nested call: stderr gets the exception printed with its module path, exit code 2 *)
exception Parse_error of string * int

let rec parse depth s = if depth = 3 then raise (Parse_error (s, depth)) else parse (depth + 1) (s ^ "!")

let () =
  print_endline "parsing";
  (try ignore (parse 0 "x") with Not_found -> print_endline "wrong handler");
  print_endline "not reached"
