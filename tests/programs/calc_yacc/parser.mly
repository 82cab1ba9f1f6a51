/* calc_yacc: an ocamlyacc grammar with precedences, error recovery and positions */
%{
open Ast
let pos_str (p : Lexing.position) =
  Printf.sprintf "%d:%d" p.Lexing.pos_lnum (p.Lexing.pos_cnum - p.Lexing.pos_bol)
let trace = ref false
let parse_error s =
  Printf.printf "parse_error called: %s\n" s
%}
%token <int> INT
%token <string> IDENT
%token <string> STRING
%token <string option * int> TAG
%token PLUS MINUS TIMES DIV MOD LPAREN RPAREN COMMA SEMI EOL EOF LET EQ
%left PLUS MINUS
%left TIMES DIV MOD
%nonassoc UMINUS
%start main
%type <Ast.stmt list> main
%start single
%type <Ast.expr> single
%%
main:
    stmts EOF                      { List.rev $1 }
;
stmts:
    /* empty */                    { [] }
  | stmts stmt                     { match $2 with None -> $1 | Some s -> s :: $1 }
;
stmt:
    EOL                            { None }
  | LET IDENT EQ expr EOL          { Printf.printf "let %s at %s-%s\n" $2
                                       (pos_str (Parsing.symbol_start_pos ()))
                                       (pos_str (Parsing.rhs_end_pos 4));
                                     Some (Let ($2, $4)) }
  | expr EOL                       { Some (Print $1) }
  | expr SEMI expr EOL             { Some (Print (Binop (';', $1, $3))) }
  | error EOL                      { let p = Parsing.symbol_start_pos () in
                                     Printf.printf "recovered from error at %s\n" (pos_str p);
                                     Some (Error (p.Lexing.pos_lnum, p.Lexing.pos_cnum - p.Lexing.pos_bol)) }
;
expr:
    INT                            { Num $1 }
  | IDENT                          { Var $1 }
  | STRING                         { Str $1 }
  | TAG                            { Tag (fst $1, snd $1) }
  | IDENT LPAREN args RPAREN       { Call ($1, List.rev $3) }
  | IDENT LPAREN RPAREN            { Call ($1, []) }
  | LPAREN expr RPAREN             { $2 }
  | LPAREN error RPAREN            { Printf.printf "bad parenthesised expression at %s\n"
                                       (pos_str (Parsing.rhs_start_pos 2));
                                     Num 0 }
  | expr PLUS expr                 { Binop ('+', $1, $3) }
  | expr MINUS expr                { Binop ('-', $1, $3) }
  | expr TIMES expr                { Binop ('*', $1, $3) }
  | expr DIV expr                  { Binop ('/', $1, $3) }
  | expr MOD expr                  { if $3 = Num 0 then raise Parsing.Parse_error;
                                     Binop ('%', $1, $3) }
  | MINUS expr %prec UMINUS        { Neg $2 }
;
args:
    expr                           { [$1] }
  | args COMMA expr                { $3 :: $1 }
;
single:
    expr EOF                       { $1 }
;
