/* calc_menhir: a menhir grammar (code back end) with parameterised rules and positions */
%{
open Value

let env : (string, value) Hashtbl.t = Hashtbl.create 8

let int_of = function Int n -> n | List _ -> failwith "not an int"

let pos (p : Lexing.position) =
  Printf.sprintf "%d:%d" p.Lexing.pos_lnum (p.Lexing.pos_cnum - p.Lexing.pos_bol)
%}

%token <int> INT
%token <string> IDENT
%token PLUS MINUS TIMES DIV LPAREN RPAREN LBRACKET RBRACKET COMMA EOL EOF LET EQ
%left PLUS MINUS
%left TIMES DIV
%nonassoc UMINUS

%start <(string * string) list> main
%start <Value.value> one
%type <Value.value> expr
%type <(string * string) option> line
%type <(string * string) option list> list(line)
%type <Value.value list> separated_nonempty_list(COMMA, expr) loption(separated_nonempty_list(COMMA, expr))

%%

main:
  | ls = list(line) EOF { List.filter_map (fun x -> x) ls }

line:
  | EOL { None }
  | LET x = IDENT EQ v = expr EOL
      { Hashtbl.replace env x v; Some (x, show v ^ " @" ^ pos $startpos(v) ^ "-" ^ pos $endpos(v)) }
  | v = expr EOL { Some ("-", show v ^ " @" ^ pos $startpos ^ "-" ^ pos $endpos) }

one:
  | v = expr EOF { v }

expr:
  | n = INT { Int n }
  | x = IDENT { try Hashtbl.find env x with Not_found -> failwith ("unbound " ^ x) }
  | LPAREN e = expr RPAREN { e }
  | LBRACKET l = separated_list(COMMA, expr) RBRACKET { List l }
  | a = expr PLUS b = expr
      { match a, b with
        | List x, List y -> List (x @ y)
        | _ -> Int (int_of a + int_of b) }
  | a = expr MINUS b = expr { Int (int_of a - int_of b) }
  | a = expr TIMES b = expr { Int (int_of a * int_of b) }
  | a = expr DIV b = expr { Int (int_of a / int_of b) }
  | MINUS e = expr %prec UMINUS { Int (- (int_of e)) }
