(* Polymorphic variants: open/closed types, subtyping via coercion, pattern #abbrev, hashing of tags *)
type basic = [ `Red | `Green | `Blue ]
type extended = [ basic | `Rgb of int * int * int | `Named of string ]

let basic_name : basic -> string = function `Red -> "red" | `Green -> "green" | `Blue -> "blue"

let name : extended -> string = function
  | #basic as b -> basic_name b
  | `Rgb (r, g, b) -> Printf.sprintf "rgb(%d,%d,%d)" r g b
  | `Named s -> s

let open_fn = function `A -> 1 | `B n -> n | _ -> 0

let rec sum_tree = function `Leaf n -> n | `Node (l, r) -> sum_tree l + sum_tree r

let () =
  List.iter (fun c -> print_string (name c ^ " ")) [ `Red; `Rgb (1, 2, 3); `Named "teal"; `Blue ];
  print_newline ();
  let bs : basic list = [ `Green; `Blue ] in
  let es = (bs :> extended list) in
  print_endline (String.concat "," (List.map name es));
  Printf.printf "%d %d %d\n" (open_fn `A) (open_fn (`B 5)) (open_fn `C);
  Printf.printf "tree=%d\n" (sum_tree (`Node (`Node (`Leaf 1, `Leaf 2), `Node (`Leaf 3, `Node (`Leaf 4, `Leaf 5)))));
  Printf.printf "%b %b %b\n" (`A = `A) (`B 1 = `B 1) (`B 1 = `B 2);
  Printf.printf "compare=%d\n" (compare (`Named "a") (`Named "b"));
  let tagged = [ `Int 3; `Str "x"; `Pair (`Int 1, `Str "y") ] in
  let rec show = function `Int n -> string_of_int n | `Str s -> "\"" ^ s ^ "\"" | `Pair (a, b) -> "(" ^ show a ^ "," ^ show b ^ ")" in
  List.iter (fun v -> print_string (show v ^ " ")) tagged;
  print_newline ();
  let f x = match x with `Ok v -> Ok v | `Error e -> Error e in
  (match f (`Ok 3) with Ok v -> Printf.printf "ok %d\n" v | Error _ -> ());
  (match f (`Error "bad") with Ok _ -> () | Error e -> Printf.printf "error %s\n" e)
