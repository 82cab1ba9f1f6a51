(* Sorting lists: sort, stable_sort, sort_uniq, merge, custom comparators, sorting records and strings, large sort *)
let pl l = print_endline (String.concat " " (List.map string_of_int l))

let () =
  let l = [ 5; 3; 9; 1; 5; 7; 3; 0; -2; 8 ] in
  pl (List.sort compare l);
  pl (List.sort (fun a b -> compare b a) l);
  pl (List.sort_uniq compare l);
  pl (List.merge compare [ 1; 4; 9 ] [ 2; 3; 10 ]);
  let words = [ "pear"; "Apple"; "fig"; "banana"; "apple"; "Fig"; "kiwi" ] in
  print_endline (String.concat " " (List.sort compare words));
  print_endline (String.concat " " (List.sort (fun a b -> compare (String.lowercase_ascii a) (String.lowercase_ascii b)) words));
  print_endline (String.concat " " (List.stable_sort (fun a b -> compare (String.length a) (String.length b)) words));
  let people = [ ("bob", 25); ("alice", 30); ("carol", 25); ("dave", 30); ("eve", 22) ] in
  List.iter (fun (n, a) -> Printf.printf "%s:%d " n a) (List.stable_sort (fun (_, a) (_, b) -> compare a b) people);
  print_newline ();
  let big = List.init 20000 (fun i -> (i * 7919) mod 20011) in
  let sorted = List.sort compare big in
  let rec is_sorted = function a :: (b :: _ as r) -> a <= b && is_sorted r | _ -> true in
  Printf.printf "big sorted=%b first=%d last=%d len=%d\n" (is_sorted sorted) (List.hd sorted) (List.nth sorted 19999) (List.length sorted);
  pl (List.sort compare []);
  let floats = [ 3.5; -1.; 2.25; 0. ] in
  print_endline (String.concat " " (List.map string_of_float (List.sort compare floats)));
  let tuples = [ (2, "b"); (1, "z"); (2, "a"); (1, "a") ] in
  List.iter (fun (n, s) -> Printf.printf "(%d,%s)" n s) (List.sort compare tuples);
  print_newline ()
