(* calc_yacc: the ocamllex lexer, with `as` bindings (optional ones too) *)
{
open Parser
exception Lex_error of string * int

let keywords = ["let", LET]
}

let digit = ['0'-'9']
let alpha = ['a'-'z' 'A'-'Z' '_']
let ident = alpha (alpha | digit)*

rule token = parse
  | [' ' '\t' '\r']+          { token lexbuf }
  | '\n'                      { Lexing.new_line lexbuf; EOL }
  | "(*"                      { comment 1 lexbuf; token lexbuf }
  | '#' [^ '\n']*             { token lexbuf }
  | digit+ as n               { INT (int_of_string n) }
  | "0x" (['0'-'9' 'a'-'f']+ as h) { INT (int_of_string ("0x" ^ h)) }
  | '@' (['a'-'z']+ as t)? ':' (digit+ as n) { TAG (t, int_of_string n) }
  | (ident as a) '.' (ident as b) { IDENT (a ^ "_" ^ b) }
  | ident as id               { try List.assoc id keywords with Not_found -> IDENT id }
  | '"' (([^ '"' '\\'] | '\\' _)* as s) '"' { STRING (Scanf.unescaped s) }
  | '+'                       { PLUS }
  | '-'                       { MINUS }
  | '*'                       { TIMES }
  | '/'                       { DIV }
  | '%'                       { MOD }
  | '('                       { LPAREN }
  | ')'                       { RPAREN }
  | ','                       { COMMA }
  | ';'                       { SEMI }
  | '='                       { EQ }
  | eof                       { EOF }
  | _ as c                    { raise (Lex_error (Printf.sprintf "%C" c, Lexing.lexeme_start lexbuf)) }

and comment depth = parse
  | "*)"                      { if depth > 1 then comment (depth - 1) lexbuf }
  | "(*"                      { comment (depth + 1) lexbuf }
  | '\n'                      { Lexing.new_line lexbuf; comment depth lexbuf }
  | eof                       { failwith "unterminated comment" }
  | _                         { comment depth lexbuf }

and words acc = parse
  | [' ' '\n']+               { words acc lexbuf }
  | (['a'-'z']+ as w) ("=" (digit+ as v))? { words ((w, v) :: acc) lexbuf }
  | eof                       { List.rev acc }

and shortest_tok = shortest
  | 'a'+ as s                 { "short:" ^ s }
  | 'b' [^ 'c']* 'c' as s     { "bc:" ^ s }
  | _ as c                    { "char:" ^ String.make 1 c }
  | eof                       { "eof" }
