(* Recursive modules: module rec with mutually dependent modules and a recursive set-of-trees type *)
module rec Even : sig val check : int -> bool end = struct
  let check n = if n = 0 then true else Odd.check (n - 1)
end
and Odd : sig val check : int -> bool end = struct
  let check n = if n = 0 then false else Even.check (n - 1)
end

module rec Tree : sig
  type t = Node of string * TreeSet.t
  val compare : t -> t -> int
  val size : t -> int
end = struct
  type t = Node of string * TreeSet.t
  let compare (Node (a, sa)) (Node (b, sb)) = let c = String.compare a b in if c <> 0 then c else TreeSet.compare sa sb
  let size (Node (_, s)) = 1 + TreeSet.fold (fun t acc -> acc + Tree.size t) s 0
end
and TreeSet : Set.S with type elt = Tree.t = Set.Make (Tree)

module rec A : sig val f : int -> string end = struct
  let f n = if n <= 0 then "A" else "A" ^ B.g (n - 1)
end
and B : sig val g : int -> string end = struct
  let g n = if n <= 0 then "B" else "B" ^ A.f (n - 1)
end

let () =
  Printf.printf "%b %b %b\n" (Even.check 10) (Odd.check 7) (Even.check 3);
  let leaf s = Tree.Node (s, TreeSet.empty) in
  let t = Tree.Node ("root", TreeSet.of_list [ leaf "b"; leaf "a"; Tree.Node ("c", TreeSet.of_list [ leaf "x"; leaf "y" ]); leaf "a" ]) in
  Printf.printf "size=%d\n" (Tree.size t);
  let Tree.Node (_, children) = t in
  TreeSet.iter (fun (Tree.Node (n, _)) -> print_string (n ^ " ")) children;
  print_newline ();
  print_endline (A.f 5)
