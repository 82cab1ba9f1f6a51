(* Variants: constant and non-constant constructors, recursive variants (expression trees), option-like types *)
type color = Red | Green | Blue | Rgb of int * int * int
type expr = Num of int | Add of expr * expr | Mul of expr * expr | Neg of expr | Var of string
type 'a tree = Leaf | Node of 'a tree * 'a * 'a tree

let color_name = function Red -> "red" | Green -> "green" | Blue -> "blue" | Rgb (r, g, b) -> Printf.sprintf "#%02x%02x%02x" r g b

let rec eval env = function
  | Num n -> n
  | Add (a, b) -> eval env a + eval env b
  | Mul (a, b) -> eval env a * eval env b
  | Neg a -> - eval env a
  | Var v -> List.assoc v env

let rec show = function
  | Num n -> string_of_int n
  | Add (a, b) -> "(" ^ show a ^ " + " ^ show b ^ ")"
  | Mul (a, b) -> show a ^ " * " ^ show b
  | Neg a -> "-" ^ show a
  | Var v -> v

let rec simplify = function
  | Add (Num 0, e) | Add (e, Num 0) -> simplify e
  | Mul (Num 1, e) | Mul (e, Num 1) -> simplify e
  | Mul (Num 0, _) | Mul (_, Num 0) -> Num 0
  | Add (a, b) -> Add (simplify a, simplify b)
  | Mul (a, b) -> Mul (simplify a, simplify b)
  | Neg (Neg e) -> simplify e
  | e -> e

let rec insert x = function
  | Leaf -> Node (Leaf, x, Leaf)
  | Node (l, v, r) as t -> if x < v then Node (insert x l, v, r) else if x > v then Node (l, v, insert x r) else t

let rec to_list = function Leaf -> [] | Node (l, v, r) -> to_list l @ [ v ] @ to_list r
let rec height = function Leaf -> 0 | Node (l, _, r) -> 1 + max (height l) (height r)

let () =
  List.iter (fun c -> print_string (color_name c ^ " ")) [ Red; Green; Blue; Rgb (255, 128, 0) ];
  print_newline ();
  let e = Add (Mul (Num 3, Var "x"), Neg (Add (Var "y", Num 0))) in
  print_endline (show e);
  Printf.printf "= %d\n" (eval [ ("x", 5); ("y", 2) ] e);
  print_endline (show (simplify (Mul (Num 1, Add (Num 0, Neg (Neg (Var "z")))))));
  let t = List.fold_left (fun t x -> insert x t) Leaf [ 5; 3; 8; 1; 4; 7; 9; 2; 6; 5 ] in
  print_endline (String.concat " " (List.map string_of_int (to_list t)));
  Printf.printf "height=%d\n" (height t);
  let st = List.fold_left (fun t x -> insert x t) Leaf [ "pear"; "apple"; "fig" ] in
  print_endline (String.concat " " (to_list st));
  Printf.printf "%b %b\n" (Red = Red) (Rgb (1, 2, 3) = Rgb (1, 2, 4))
