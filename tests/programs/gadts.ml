(* GADTs: typed expression evaluator, existential packing, type equality witnesses, typed printf-like formats *)
type _ expr =
  | Int : int -> int expr
  | Bool : bool -> bool expr
  | Add : int expr * int expr -> int expr
  | If : bool expr * 'a expr * 'a expr -> 'a expr
  | Eq : int expr * int expr -> bool expr
  | Pair : 'a expr * 'b expr -> ('a * 'b) expr
  | Fst : ('a * 'b) expr -> 'a expr

let rec eval : type a. a expr -> a = function
  | Int n -> n
  | Bool b -> b
  | Add (a, b) -> eval a + eval b
  | If (c, t, e) -> if eval c then eval t else eval e
  | Eq (a, b) -> eval a = eval b
  | Pair (a, b) -> (eval a, eval b)
  | Fst p -> fst (eval p)

type any = Any : 'a expr * ('a -> string) -> any

type (_, _) eq = Refl : ('a, 'a) eq
type _ ty = TInt : int ty | TString : string ty | TList : 'a ty -> 'a list ty

let rec ty_eq : type a b. a ty -> b ty -> (a, b) eq option =
 fun a b ->
  match (a, b) with
  | TInt, TInt -> Some Refl
  | TString, TString -> Some Refl
  | TList a, TList b -> (match ty_eq a b with Some Refl -> Some Refl | None -> None)
  | _ -> None

let rec show : type a. a ty -> a -> string =
 fun t v -> match t with TInt -> string_of_int v | TString -> Printf.sprintf "%S" v | TList t -> "[" ^ String.concat "; " (List.map (show t) v) ^ "]"

type dyn = Dyn : 'a ty * 'a -> dyn

let get_int (Dyn (t, v)) = match ty_eq t TInt with Some Refl -> Some (v + 0) | None -> None

type (_, _) fmt = End : ('r, 'r) fmt | D : ('a, 'r) fmt -> (int -> 'a, 'r) fmt | S : ('a, 'r) fmt -> (string -> 'a, 'r) fmt | Lit : string * ('a, 'r) fmt -> ('a, 'r) fmt

let rec kprintf : type a. (string -> string) -> string -> (a, string) fmt -> a =
 fun k acc -> function
  | End -> k acc
  | D rest -> fun n -> kprintf k (acc ^ string_of_int n) rest
  | S rest -> fun s -> kprintf k (acc ^ s) rest
  | Lit (l, rest) -> kprintf k (acc ^ l) rest

let () =
  let e = If (Eq (Add (Int 2, Int 3), Int 5), Pair (Int 1, Bool true), Pair (Int 0, Bool false)) in
  let a, b = eval e in
  Printf.printf "%d %b\n" a b;
  Printf.printf "%d\n" (eval (Fst (Pair (Add (Int 40, Int 2), Bool false))));
  let items = [ Any (Int 7, string_of_int); Any (Bool false, string_of_bool); Any (Pair (Int 1, Int 2), fun (x, y) -> Printf.sprintf "<%d,%d>" x y) ] in
  List.iter (fun (Any (e, f)) -> print_endline (f (eval e))) items;
  let dyns = [ Dyn (TInt, 5); Dyn (TString, "hi"); Dyn (TList TInt, [ 1; 2 ]); Dyn (TList (TList TString), [ [ "a" ]; [] ]) ] in
  List.iter (fun (Dyn (t, v)) -> print_endline (show t v)) dyns;
  List.iter (fun d -> match get_int d with Some n -> Printf.printf "int %d\n" n | None -> print_endline "not int") dyns;
  let f = kprintf (fun s -> s) "" (Lit ("x=", D (Lit (", name=", S End)))) in
  print_endline (f 42 "bob")
