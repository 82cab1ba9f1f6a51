(* Parametric polymorphism: polymorphic functions and data, explicit polymorphic annotations, polymorphic recursion, records with polymorphic fields *)
type 'a tree = Leaf | Node of 'a tree * 'a * 'a tree
type 'a nested = Flat of 'a | Nest of 'a list nested
type poly_fn = { f : 'a. 'a list -> int }

let rec map_tree f = function Leaf -> Leaf | Node (l, v, r) -> Node (map_tree f l, f v, map_tree f r)
let rec fold_tree f acc = function Leaf -> acc | Node (l, v, r) -> fold_tree f (f (fold_tree f acc l) v) r

let rec depth : 'a. 'a nested -> int = function Flat _ -> 0 | Nest n -> 1 + depth n

type id_fn = { id : 'a. 'a -> 'a }
let pair_map (g : id_fn) (x, y) = (g.id x, g.id y)

let () =
  let t = Node (Node (Leaf, 1, Leaf), 2, Node (Leaf, 3, Leaf)) in
  let ts = map_tree (fun x -> string_of_int (x * 10)) t in
  Printf.printf "%s\n" (String.concat "," (List.rev (fold_tree (fun acc x -> x :: acc) [] ts)));
  Printf.printf "%d\n" (fold_tree ( + ) 0 t);
  Printf.printf "depth=%d\n" (depth (Nest (Nest (Flat [ [ 1 ] ]))));
  let pf = { f = List.length } in
  Printf.printf "%d %d\n" (pf.f [ 1; 2; 3 ]) (pf.f [ "a" ]);
  let id x = x in
  Printf.printf "%d %s %b\n" (id 1) (id "s") (id true);
  let pairs = List.map (fun x -> (x, x)) [ 'a'; 'b' ] in
  List.iter (fun (a, b) -> Printf.printf "%c%c " a b) pairs;
  print_newline ();
  let n, str = (fun (g : id_fn) -> (g.id 1, g.id "x")) { id = (fun x -> x) } in
  Printf.printf "rank2: %d %s\n" n str;
  let a, b = pair_map { id = (fun x -> x) } (3, 4) in
  Printf.printf "pair_map: %d %d\n" a b;
  let rev_any l = List.rev l in
  Printf.printf "%d %s\n" (List.hd (rev_any [ 1; 2 ])) (List.hd (rev_any [ "a"; "b" ]));
  let opt_map f = function None -> None | Some x -> Some (f x) in
  Printf.printf "%s\n" (match opt_map string_of_float (Some 2.5) with Some s -> s | None -> "")
