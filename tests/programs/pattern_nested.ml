(* Nested pattern matching: tuples within variants within lists, records, aliases with as *)
type shape = Circle of float | Rect of float * float | Group of shape list
type point = { x : int; y : int }

let rec describe = function
  | Circle r when r = 0. -> "dot"
  | Circle r -> Printf.sprintf "circle(%.1f)" r
  | Rect (w, h) when w = h -> Printf.sprintf "square(%.1f)" w
  | Rect (w, h) -> Printf.sprintf "rect(%.1fx%.1f)" w h
  | Group [] -> "empty group"
  | Group [ s ] -> "group of one " ^ describe s
  | Group (Circle _ :: Circle _ :: _ as l) -> Printf.sprintf "circles-first group of %d" (List.length l)
  | Group l -> "group[" ^ String.concat ";" (List.map describe l) ^ "]"

let quadrant = function
  | { x = 0; y = 0 } -> "origin"
  | { x = 0; _ } | { y = 0; _ } -> "axis"
  | { x; y } when x > 0 && y > 0 -> "Q1"
  | { x; y = _ } when x < 0 -> (function true -> "Q2" | false -> "Q3") (true && false || x < -100 || true)
  | _ -> "Q4"

let rec pairs = function
  | (a, Some b) :: rest -> (a + b) :: pairs rest
  | (a, None) :: ((_, Some _) :: _ as rest) -> a :: pairs rest
  | (_, None) :: rest -> pairs rest
  | [] -> []

let () =
  List.iter (fun s -> print_endline (describe s))
    [ Circle 0.; Circle 2.5; Rect (2., 2.); Rect (1., 3.); Group []; Group [ Circle 1. ];
      Group [ Circle 1.; Circle 2.; Rect (1., 1.) ]; Group [ Rect (1., 2.); Group [ Circle 3. ] ] ];
  List.iter (fun p -> print_endline (quadrant p))
    [ { x = 0; y = 0 }; { x = 0; y = 5 }; { x = 3; y = 0 }; { x = 1; y = 1 }; { x = -1; y = 1 }; { x = 2; y = -2 } ];
  print_endline (String.concat " " (List.map string_of_int (pairs [ (1, Some 2); (5, None); (3, Some 4); (9, None); (7, None) ])));
  let ((a, b), (c, (d, e))) = ((1, 2), (3, (4, 5))) in
  Printf.printf "%d\n" (a + b + c + d + e);
  match [ Some (1, [ "x"; "y" ]); None ] with
  | [ Some (n, [ _; s ]); None ] -> Printf.printf "deep %d %s\n" n s
  | _ -> print_endline "no"
