(* A small interpreter: AST evaluator with environments and first-class functions. *)
(* bench: quick=22 *)
type expr =
  | Int of int
  | Var of string
  | Add of expr * expr
  | Sub of expr * expr
  | Lt of expr * expr
  | If of expr * expr * expr
  | Let of string * expr * expr
  | Fun of string * expr
  | App of expr * expr
  | LetRec of string * string * expr * expr

type value = VInt of int | VClos of string * expr * env ref
and env = (string * value) list

let rec eval env = function
  | Int n -> VInt n
  | Var x -> List.assoc x env
  | Add (a, b) -> (match (eval env a, eval env b) with VInt x, VInt y -> VInt (x + y) | _ -> failwith "add")
  | Sub (a, b) -> (match (eval env a, eval env b) with VInt x, VInt y -> VInt (x - y) | _ -> failwith "sub")
  | Lt (a, b) -> (match (eval env a, eval env b) with VInt x, VInt y -> VInt (if x < y then 1 else 0) | _ -> failwith "lt")
  | If (c, t, e) -> (match eval env c with VInt 0 -> eval env e | _ -> eval env t)
  | Let (x, e, body) -> eval ((x, eval env e) :: env) body
  | Fun (x, body) -> VClos (x, body, ref env)
  | App (f, a) -> (
      match eval env f with
      | VClos (x, body, cenv) -> eval ((x, eval env a) :: !cenv) body
      | VInt _ -> failwith "app")
  | LetRec (f, x, body, e) ->
      let r = ref [] in
      let clos = VClos (x, body, r) in
      r := (f, clos) :: env;
      eval ((f, clos) :: env) e

(* let rec fib n = if n < 2 then n else fib (n-1) + fib (n-2) in
   let twice = fun f -> fun x -> f (f x) in twice (fun y -> y + 1) (fib N) *)
let program n =
  LetRec
    ( "fib", "n",
      If (Lt (Var "n", Int 2), Var "n", Add (App (Var "fib", Sub (Var "n", Int 1)), App (Var "fib", Sub (Var "n", Int 2)))),
      Let
        ( "twice", Fun ("f", Fun ("x", App (Var "f", App (Var "f", Var "x")))),
          App (App (Var "twice", Fun ("y", Add (Var "y", Int 1))), App (Var "fib", Int n)) ) )

let () =
  let n = if Array.length Sys.argv > 1 then int_of_string Sys.argv.(1) else 30 in
  match eval [ ("unused", VInt 0) ] (program n) with
  | VInt r -> Printf.printf "interp fib %d + 2 = %d\n" n r
  | VClos _ -> print_endline "closure"
