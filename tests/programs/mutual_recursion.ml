(* Mutual recursion: let rec ... and ..., including mutually recursive types and a small parser *)
let rec even n = if n = 0 then true else odd (n - 1)
and odd n = if n = 0 then false else even (n - 1)

type tree = Node of string * forest
and forest = Nil | Cons of tree * forest

let rec count_tree (Node (_, f)) = 1 + count_forest f
and count_forest = function Nil -> 0 | Cons (t, f) -> count_tree t + count_forest f

let rec show_tree (Node (n, f)) = n ^ "(" ^ show_forest f ^ ")"
and show_forest = function Nil -> "" | Cons (t, Nil) -> show_tree t | Cons (t, f) -> show_tree t ^ "," ^ show_forest f

(* recursive-descent parser for sums and products of digits *)
let parse s =
  let pos = ref 0 in
  let peek () = if !pos < String.length s then Some s.[!pos] else None in
  let rec expr () =
    let v = term () in
    match peek () with Some '+' -> incr pos; v + expr () | _ -> v
  and term () =
    let v = factor () in
    match peek () with Some '*' -> incr pos; v * term () | _ -> v
  and factor () =
    match peek () with
    | Some '(' -> incr pos; let v = expr () in incr pos; v
    | Some c -> incr pos; Char.code c - Char.code '0'
    | None -> failwith "eof"
  in
  expr ()

let () =
  Printf.printf "%b %b %b %b\n" (even 10) (odd 10) (even 7) (odd 7);
  Printf.printf "%b\n" (even 100001);
  let t = Node ("a", Cons (Node ("b", Nil), Cons (Node ("c", Cons (Node ("d", Nil), Nil)), Nil))) in
  Printf.printf "%d %s\n" (count_tree t) (show_tree t);
  List.iter (fun s -> Printf.printf "%s = %d\n" s (parse s)) [ "1+2*3"; "(1+2)*3"; "2*(3+4)*5"; "9" ]
