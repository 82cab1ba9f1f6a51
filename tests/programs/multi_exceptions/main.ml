(* Multi-module exceptions: catching exceptions from other modules, distinguishing same-named exceptions, Printexc names *)
let run s =
  let tokens = String.split_on_char ' ' s in
  match Calc.eval tokens with
  | v -> Printf.printf "%-12s = %d\n" s v
  | exception Calc.Shadowed -> Printf.printf "%-12s -> Calc.Shadowed\n" s
  | exception (Errors.Parse_error _ | Errors.Eval_error _ | Errors.Shadowed as e) -> Printf.printf "%-12s -> %s\n" s (Errors.describe e)

let () =
  List.iter run [ "1 + 2 - 3"; "10 / 2 + 1"; "5 / 0"; "x + 1"; "1 + y"; "1 * 2"; "1 !"; "1 ?" ];
  (try run "" with e -> print_endline (Errors.describe e));
  print_endline (Printexc.to_string (Errors.Parse_error (3, "msg")));
  print_endline (Printexc.to_string Calc.Shadowed);
  print_endline (Printexc.to_string Errors.Shadowed)
