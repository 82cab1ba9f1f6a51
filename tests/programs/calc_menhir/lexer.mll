(* calc_menhir: the ocamllex lexer *)
{
open Parser
exception Error of string
}
rule token = parse
  | [' ' '\t']+ { token lexbuf }
  | '\n' { Lexing.new_line lexbuf; EOL }
  | ['0'-'9']+ as n { INT (int_of_string n) }
  | "let" { LET }
  | ['a'-'z' '_'] ['a'-'z' '0'-'9' '_']* as id { IDENT id }
  | '+' { PLUS } | '-' { MINUS } | '*' { TIMES } | '/' { DIV }
  | '(' { LPAREN } | ')' { RPAREN } | '[' { LBRACKET } | ']' { RBRACKET }
  | ',' { COMMA } | '=' { EQ }
  | eof { EOF }
  | _ as c { raise (Error (Printf.sprintf "unexpected %C at %d" c (Lexing.lexeme_start lexbuf))) }
