(* Multi-module functors: a leftist heap functor over Ordered.S *)
module Make (O : Ordered.S) = struct
  type t = E | N of int * O.t * t * t

  let empty = E
  let rank = function E -> 0 | N (r, _, _, _) -> r
  let mk x a b = if rank a >= rank b then N (rank b + 1, x, a, b) else N (rank a + 1, x, b, a)

  let rec merge h1 h2 =
    match (h1, h2) with
    | E, h | h, E -> h
    | N (_, x, a1, b1), N (_, y, _, _) -> if O.compare x y <= 0 then mk x a1 (merge b1 h2) else merge h2 h1

  let insert x h = merge (N (1, x, E, E)) h
  let pop = function E -> None | N (_, x, a, b) -> Some (x, merge a b)

  let to_sorted_list h = let rec go h acc = match pop h with None -> List.rev acc | Some (x, h') -> go h' (x :: acc) in go h []
  let of_list l = List.fold_left (fun h x -> insert x h) empty l
  let show h = String.concat " " (List.map O.to_string (to_sorted_list h))
end
