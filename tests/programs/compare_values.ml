(* Polymorphic compare: tuples, lists, strings, options, variants, records, arrays (length first), floats, min/max, sorting mixed data *)
type v = A | B | C of int | D of string * int
type r = { name : string; score : int }

let sign n = if n < 0 then -1 else if n > 0 then 1 else 0
let c a b = Printf.printf "%d " (sign (compare a b))

let () =
  c (1, 2) (1, 3); c (2, 0) (1, 9); c (1, "a") (1, "a"); c (1, 2, 3) (1, 2, 2);
  print_newline ();
  c [ 1; 2 ] [ 1; 2; 3 ]; c [ 2 ] [ 1; 5 ]; c [] [ 0 ]; c [ 1; 2 ] [ 1; 2 ];
  print_newline ();
  c "abc" "abd"; c "abc" "ab"; c "" "a"; c "Z" "a"; c "hello" "hello";
  print_newline ();
  c None (Some 0); c (Some 1) (Some 2); c (Some [ 1 ]) (Some []);
  print_newline ();
  c A B; c B (C 0); c (C 5) (C 3); c (C 100) (D ("a", 0)); c (D ("a", 2)) (D ("a", 1)); c A (D ("", 0));
  print_newline ();
  c { name = "x"; score = 1 } { name = "x"; score = 2 }; c { name = "b"; score = 0 } { name = "a"; score = 9 };
  print_newline ();
  c [| 1; 2; 3 |] [| 5; 6 |]; c [| 1; 2 |] [| 1; 3 |]; c [||] [| 0 |];
  print_newline ();
  c 1.5 2.5; c (-0.) 0.; c infinity 1e308; c neg_infinity (-1e308);
  print_newline ();
  c 'a' 'b'; c true false; c () ();
  print_newline ();
  Printf.printf "min=%d max=%s min=%s\n" (min 3 (-2)) (max "apple" "banana") (let a, b = min (1, "z") (1, "a") in string_of_int a ^ b);
  let items = [ D ("b", 1); C 3; A; D ("a", 5); B; C (-1); A ] in
  let show = function A -> "A" | B -> "B" | C n -> Printf.sprintf "C%d" n | D (s, n) -> Printf.sprintf "D(%s,%d)" s n in
  print_endline (String.concat " " (List.map show (List.sort compare items)));
  let rs = [ { name = "bob"; score = 5 }; { name = "al"; score = 9 }; { name = "bob"; score = 1 } ] in
  print_endline (String.concat " " (List.map (fun r -> r.name ^ string_of_int r.score) (List.sort compare rs)));
  Printf.printf "%b %b %b %b\n" ((1, [ "a" ]) < (1, [ "b" ])) ([ 3 ] > [ 2; 9 ]) ("abc" >= "abc") (Some 3 <= None);
  Printf.printf "nested=%d\n" (sign (compare [ (1, [| "x" |]); (2, [||]) ] [ (1, [| "x" |]); (2, [| "" |]) ]))
