(* Multi-module basic: utility module providing functions, constants and a type used by other modules *)
type point = { x : int; y : int }

let origin = { x = 0; y = 0 }
let add p q = { x = p.x + q.x; y = p.y + q.y }
let show p = Printf.sprintf "(%d,%d)" p.x p.y
let repeat n s = String.concat "" (List.init n (fun _ -> s))
let counter = ref 0
let next_id () = incr counter; !counter
