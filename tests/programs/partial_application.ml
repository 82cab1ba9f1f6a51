(* Partial application of functions with various arities, including stdlib functions *)
let f5 a b c d e = Printf.sprintf "%d-%d-%d-%d-%d" a b c d e

let () =
  let g = f5 1 in
  let h = g 2 3 in
  let i = h 4 in
  print_endline (i 5);
  print_endline (h 40 50);
  print_endline (g 20 30 40 50);
  let pr = Printf.printf "%s=%d\n" in
  pr "x" 1;
  pr "y" 2;
  let concat_with = String.concat in
  let comma = concat_with ", " in
  print_endline (comma [ "a"; "b"; "c" ]);
  let mapper = List.map (fun x -> x * 3) in
  print_endline (String.concat " " (List.map string_of_int (mapper [ 1; 2; 3 ])));
  let fold_sum = List.fold_left ( + ) 0 in
  Printf.printf "%d\n" (fold_sum [ 1; 2; 3; 4 ]);
  let partials = Array.init 4 (fun i -> f5 i i) in
  Array.iter (fun p -> print_endline (p 7 8 9)) partials;
  (* partial application evaluates arguments once *)
  let calls = ref 0 in
  let arg () = incr calls; 100 in
  let k = f5 (arg ()) in
  ignore (k 1 2 3 4);
  ignore (k 1 2 3 4);
  Printf.printf "calls=%d\n" !calls
