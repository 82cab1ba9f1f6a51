(* The example of the README: a little of everything, compiled to Lua. *)
type shape = Circle of float | Rect of float * float

let area = function
  | Circle r -> 3.14159 *. r *. r
  | Rect (w, h) -> w *. h

let rec fib n = if n < 2 then n else fib (n - 1) + fib (n - 2)

let () =
  Printf.printf "Hello from OCaml, running on Lua!\n";
  List.iter (fun s -> Printf.printf "area = %.2f\n" (area s)) [Circle 1.0; Rect (2.0, 3.5)];
  Printf.printf "fib 25 = %d\n" (fib 25);
  let words = String.split_on_char ' ' "the quick brown fox jumps over the lazy dog" in
  let counts = Hashtbl.create 8 in
  List.iter (fun w -> Hashtbl.replace counts w (1 + Option.value ~default:0 (Hashtbl.find_opt counts w))) words;
  Printf.printf "\"the\" appears %d times\n" (Hashtbl.find counts "the");
  let sorted = List.sort compare words in
  print_endline (String.concat ", " sorted)
