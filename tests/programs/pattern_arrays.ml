(* Pattern matching on arrays: fixed-size array patterns, empty arrays, nested in tuples *)
let describe = function
  | [||] -> "empty"
  | [| x |] -> Printf.sprintf "one(%d)" x
  | [| x; y |] when x = y -> "pair of equal"
  | [| x; y |] -> Printf.sprintf "pair(%d,%d)" x y
  | [| 0; _; _ |] -> "triple starting with 0"
  | [| _; _; z |] -> Printf.sprintf "triple ending %d" z
  | a -> Printf.sprintf "long(%d)" (Array.length a)

let fl = function [| a; b |] -> a +. b | [||] -> 0. | _ -> -1.

let strs = function [| "a"; x |] | [| x; "a" |] -> "has a with " ^ x | _ -> "no"

let () =
  List.iter (fun a -> print_endline (describe a))
    [ [||]; [| 4 |]; [| 2; 2 |]; [| 1; 2 |]; [| 0; 5; 6 |]; [| 1; 5; 6 |]; [| 1; 2; 3; 4; 5 |] ];
  Printf.printf "%.2f %.2f %.2f\n" (fl [| 1.5; 2.25 |]) (fl [||]) (fl [| 1. |]);
  print_endline (strs [| "a"; "b" |]);
  print_endline (strs [| "c"; "a" |]);
  print_endline (strs [| "c"; "d" |]);
  match ([| 1; 2 |], [| "x" |]) with
  | [| a; b |], [| s |] -> Printf.printf "%d %d %s\n" a b s
  | _ -> ()
