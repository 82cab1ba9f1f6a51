(* calc_yacc: the syntax tree of the ocamlyacc calculator *)
type expr =
  | Num of int
  | Var of string
  | Str of string
  | Tag of string option * int
  | Binop of char * expr * expr
  | Neg of expr
  | Call of string * expr list

type stmt =
  | Let of string * expr
  | Print of expr
  | Error of int * int  (* line, column of the error *)

let rec show = function
  | Num n -> string_of_int n
  | Var v -> v
  | Str s -> Printf.sprintf "%S" s
  | Tag (None, n) -> Printf.sprintf "@:%d" n
  | Tag (Some t, n) -> Printf.sprintf "@%s:%d" t n
  | Binop (op, a, b) -> Printf.sprintf "(%s %c %s)" (show a) op (show b)
  | Neg e -> Printf.sprintf "-%s" (show e)
  | Call (f, args) -> Printf.sprintf "%s(%s)" f (String.concat ", " (List.map show args))
