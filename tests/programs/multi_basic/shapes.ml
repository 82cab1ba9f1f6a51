(* Multi-module basic: a module depending on Util (types, functions and shared mutable state) *)
type shape = { id : int; name : string; corners : Util.point list }

let make name corners = { id = Util.next_id (); name; corners }
let square n = make "square" Util.[ origin; { x = n; y = 0 }; { x = n; y = n }; { x = 0; y = n } ]
let triangle a b c = make "triangle" [ a; b; c ]
let translate d s = { s with corners = List.map (Util.add d) s.corners }
let describe s = Printf.sprintf "#%d %s %s" s.id s.name (String.concat " " (List.map Util.show s.corners))
