(* Multi-module exceptions: exception definitions shared across modules *)
exception Parse_error of int * string
exception Eval_error of string
exception Shadowed

let describe = function
  | Parse_error (pos, msg) -> Printf.sprintf "parse error at %d: %s" pos msg
  | Eval_error msg -> "eval error: " ^ msg
  | Shadowed -> "Errors.Shadowed"
  | e -> "other: " ^ Printexc.to_string e
