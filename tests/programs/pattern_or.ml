(* Or-patterns: constants, constructors with shared bindings, nested or-patterns, ranges *)
type t = A of int | B of int | C of string | D

let value = function A n | B n -> n | C s -> String.length s | D -> 0

let kind = function
  | 'a' | 'e' | 'i' | 'o' | 'u' -> "vowel"
  | 'a' .. 'z' -> "consonant"
  | '0' .. '9' -> "digit"
  | ' ' | '\t' | '\n' -> "space"
  | _ -> "other"

let weekend = function "Sat" | "Sun" -> true | _ -> false

let nested = function
  | (0 | 1), (0 | 1) -> "both small"
  | (0 | 1), _ | _, (0 | 1) -> "one small"
  | _ -> "none small"

let swap_like = function (x, 0) | (0, x) -> x | (a, b) -> a * b

let () =
  print_endline (String.concat " " (List.map (fun v -> string_of_int (value v)) [ A 1; B 2; C "three"; D ]));
  String.iter (fun c -> Printf.printf "%C:%s " c (kind c)) "hi 42!";
  print_newline ();
  List.iter (fun d -> Printf.printf "%s=%b " d (weekend d)) [ "Mon"; "Sat"; "Sun"; "sun" ];
  print_newline ();
  List.iter (fun p -> print_endline (nested p)) [ (0, 1); (1, 5); (5, 0); (5, 5) ];
  List.iter (fun p -> Printf.printf "%d " (swap_like p)) [ (7, 0); (0, 8); (3, 4); (0, 0) ];
  print_newline ();
  let f = function [ (Some _ | None) ] when false -> 0 | [ Some x ] | [ _; Some x ] -> x | _ -> -1 in
  Printf.printf "%d %d %d\n" (f [ Some 4 ]) (f [ None; Some 9 ]) (f [])
