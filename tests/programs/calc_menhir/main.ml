(* calc_menhir: a menhir (code back end) calculator on stdin and on strings *)
let () =
  let lexbuf = Lexing.from_channel stdin in
  (match Parser.main Lexer.token lexbuf with
   | results -> List.iter (fun (x, v) -> Printf.printf "%s = %s\n" x v) results
   | exception Parser.Error ->
       let p = Lexing.lexeme_start_p lexbuf in
       Printf.printf "syntax error at line %d, column %d\n" p.Lexing.pos_lnum
         (p.Lexing.pos_cnum - p.Lexing.pos_bol)
   | exception Failure m -> Printf.printf "failure: %s\n" m);
  List.iter (fun s ->
      match Parser.one Lexer.token (Lexing.from_string s) with
      | v -> Printf.printf "%S -> %s\n" s (Value.show v)
      | exception Parser.Error -> Printf.printf "%S -> syntax error\n" s
      | exception Lexer.Error m -> Printf.printf "%S -> lexical error: %s\n" s m
      | exception Failure m -> Printf.printf "%S -> failure: %s\n" s m
      | exception Division_by_zero -> Printf.printf "%S -> division by zero\n" s)
    [ "1 + 2 * 3 - 4 / 2"; "[1, 2, 3] + [4]"; "[]"; "[1,]"; "(1"; "1 / 0"; "-(-5) * 3";
      "x"; "a + 1"; "[[1, 2], [3]] + [[]]"; "2 # 3"; String.make 200 '(' ^ "7" ^ String.make 200 ')' ]
