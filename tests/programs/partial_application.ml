(* Partial applications of known functions: arguments are evaluated once, when the
   closure is made; loop variables are captured by value; unused ones do nothing *)
let add3 a b c = Printf.printf "add3 %d %d %d\n" a b c; a + b + c
let pair x y = (x, y)
let counter = ref 0
let next () = incr counter; !counter

let () =
  let f = add3 (next ()) (next ()) in
  Printf.printf "made f, counter=%d\n" !counter;
  Printf.printf "f 10 = %d, f 20 = %d\n" (f 10) (f 20);
  Printf.printf "counter=%d\n" !counter;
  (* closures made in a loop keep the value of their iteration *)
  let fs = ref [] in
  for i = 1 to 3 do fs := add3 i (i * 10) :: !fs done;
  List.iter (fun g -> Printf.printf "%d\n" (g 100)) !fs;
  let r = ref 0 in
  let gs = ref [] in
  while !r < 3 do incr r; gs := pair !r :: !gs done;
  List.iter (fun g -> let (a, b) = g "x" in Printf.printf "(%d, %s)\n" a b) !gs;
  (* an unused partial application has no effect, its arguments do *)
  let (_ : int -> int) = add3 (next ()) 1 in
  Printf.printf "counter=%d\n" !counter;
  (* over- and exact applications still work, and closures compare as ocamlrun does *)
  let h = add3 1 in
  let h2 = h 2 in
  Printf.printf "%d %d\n" (h2 3) (h 4 5);
  let k = List.map (add3 0 0) [1; 2; 3] in
  Printf.printf "%s\n" (String.concat "," (List.map string_of_int k));
  (match compare (add3 1 2) (add3 1 2) with
   | _ -> print_endline "compared"
   | exception Invalid_argument m -> print_endline m)
