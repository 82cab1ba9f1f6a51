(* calc_yacc: an ocamllex + ocamlyacc calculator run on stdin, strings and small refills *)
open Ast

let env : (string, int) Hashtbl.t = Hashtbl.create 16

let rec eval = function
  | Num n -> n
  | Var v -> (try Hashtbl.find env v with Not_found -> failwith ("unbound " ^ v))
  | Str s -> String.length s
  | Tag (t, n) -> (match t with None -> n | Some t -> n + String.length t)
  | Binop ('+', a, b) -> eval a + eval b
  | Binop ('-', a, b) -> eval a - eval b
  | Binop ('*', a, b) -> eval a * eval b
  | Binop ('/', a, b) -> eval a / eval b
  | Binop ('%', a, b) -> eval a mod eval b
  | Binop (';', a, b) -> ignore (eval a); eval b
  | Binop _ -> assert false
  | Neg e -> - (eval e)
  | Call ("max", args) -> List.fold_left (fun m e -> max m (eval e)) min_int args
  | Call ("sum", args) -> List.fold_left (fun m e -> m + eval e) 0 args
  | Call (f, _) -> failwith ("unknown function " ^ f)

let run_stmt = function
  | Let (v, e) ->
      (match eval e with
       | n -> Hashtbl.replace env v n; Printf.printf "%s = %d\n" v n
       | exception Failure m -> Printf.printf "error: %s\n" m
       | exception Division_by_zero -> Printf.printf "error: division by zero\n")
  | Print e ->
      (match eval e with
       | n -> Printf.printf "%s => %d\n" (show e) n
       | exception Failure m -> Printf.printf "%s => error: %s\n" (show e) m
       | exception Division_by_zero -> Printf.printf "%s => division by zero\n" (show e))
  | Error (l, c) -> Printf.printf "error statement at %d:%d\n" l c

let parse_single s =
  let lexbuf = Lexing.from_string s in
  match Parser.single Lexer.token lexbuf with
  | e -> Printf.printf "single %S: %s\n" s (show e)
  | exception Parsing.Parse_error ->
      let p = Lexing.lexeme_start_p lexbuf in
      Printf.printf "single %S: Parse_error at char %d (lexeme %S)\n" s
        p.Lexing.pos_cnum (Lexing.lexeme lexbuf)
  | exception Lexer.Lex_error (c, pos) ->
      Printf.printf "single %S: lexical error %s at %d\n" s c pos
  | exception Failure m -> Printf.printf "single %S: Failure %s\n" s m

(* a reader that hands out at most [k] bytes at a time *)
let chunked s k =
  let pos = ref 0 in
  fun buf n ->
    let m = min (min k n) (String.length s - !pos) in
    Bytes.blit_string s !pos buf 0 m;
    pos := !pos + m;
    m

let () =
  let lexbuf = Lexing.from_channel stdin in
  Lexing.set_filename lexbuf "stdin";
  let stmts =
    try Parser.main Lexer.token lexbuf
    with Lexer.Lex_error (c, pos) ->
      Printf.printf "lexical error %s at %d\n" c pos; []
  in
  Printf.printf "%d statements\n" (List.length stmts);
  List.iter run_stmt stmts;
  let p = lexbuf.Lexing.lex_curr_p in
  Printf.printf "end at %s:%d:%d\n" p.Lexing.pos_fname p.Lexing.pos_lnum p.Lexing.pos_cnum;
  List.iter parse_single
    [ "1 + 2 * 3"; "(1 + 2) * 3"; "1 + + 2"; "1 + "; ""; "f(1, 2, 3)"; "f(,)";
      "-3 - -4"; "a.b * @x:4 + @:5"; "\"a\\tb\\\"c\" + 1"; "1 $ 2"; "7 % 0";
      "(* nested (* comment *) *) 42"; "(* open"; "0x1f + 0xff" ];
  (* deep nesting: the parser stacks grow past 100 entries *)
  let deep = String.make 300 '(' ^ "1" ^ String.make 300 ')' in
  parse_single deep;
  let long = String.concat " + " (List.init 500 string_of_int) in
  let lb = Lexing.from_string long in
  Printf.printf "sum of 0..499 = %d\n" (eval (Parser.single Lexer.token lb));
  (* refills in the middle of tokens and of `as` bindings *)
  let text = "let abc = 12345 + @tagname:678\nabc * 2\nfoo.bar\n\"some string\" + 1\n" in
  List.iter (fun k ->
      let lb = Lexing.from_function (chunked text k) in
      let rec toks acc =
        match Lexer.token lb with
        | Parser.EOF -> List.rev acc
        | Parser.INT n -> toks (string_of_int n :: acc)
        | Parser.IDENT s -> toks (("id:" ^ s) :: acc)
        | Parser.STRING s -> toks (Printf.sprintf "%S" s :: acc)
        | Parser.TAG (t, n) ->
            toks (Printf.sprintf "tag(%s,%d)" (match t with None -> "-" | Some t -> t) n :: acc)
        | Parser.EOL -> toks ("nl" :: acc)
        | _ -> toks ("." :: acc)
      in
      Printf.printf "chunk %d: %s\n" k (String.concat " " (toks []))) [1; 2; 3; 7; 512];
  let lb = Lexing.from_string "x=1 yy zzz=22\n w=333" in
  List.iter (fun (w, v) ->
      Printf.printf "%s%s " w (match v with None -> "" | Some v -> "=" ^ v))
    (Lexer.words [] lb);
  print_newline ();
  let lb = Lexing.from_string "aaab..cxyz" in
  let rec sh () =
    let t = Lexer.shortest_tok lb in
    print_string (t ^ " ");
    if t <> "eof" then sh ()
  in
  sh (); print_newline ();
  (* the empty-token failure of the engine *)
  (match Lexer.words [] (Lexing.from_string "abc ?") with
   | _ -> print_endline "no failure"
   | exception Failure m -> Printf.printf "Failure %S\n" m);
  print_endline "done"
