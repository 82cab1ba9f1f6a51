(* Closures: capturing variables, counters, closures returning closures, closures in data structures *)
let make_counter () =
  let n = ref 0 in
  (fun () -> incr n; !n), (fun () -> !n)

let () =
  let incr_c, get_c = make_counter () in
  for _ = 1 to 5 do ignore (incr_c ()) done;
  Printf.printf "counter=%d\n" (get_c ());
  let a, _ = make_counter () and b, _ = make_counter () in
  ignore (a ()); ignore (a ());
  Printf.printf "a=%d b=%d\n" (a ()) (b ())

let adder x = fun y -> x + y
let compose f g x = f (g x)

let () =
  let add5 = adder 5 in
  let add10 = adder 10 in
  Printf.printf "%d %d\n" (add5 1) (add10 1);
  let f = compose add5 add10 in
  Printf.printf "compose=%d\n" (f 100);
  let fs = List.map adder [1; 2; 3] in
  List.iter (fun f -> Printf.printf "%d " (f 100)) fs;
  print_newline ()

let () =
  (* closures capturing other closures and shadowed variables *)
  let x = 1 in
  let f () = x in
  let x = 2 in
  let g () = x + f () in
  Printf.printf "shadow=%d\n" (g ());
  let rec make n acc = if n = 0 then acc else make (n - 1) ((fun () -> n * n) :: acc) in
  let l = make 6 [] in
  print_endline (String.concat "," (List.map (fun f -> string_of_int (f ())) l))

let () =
  (* closure over mutable state shared between two closures *)
  let state = ref [] in
  let push x = state := x :: !state in
  let dump () = String.concat ";" (List.rev_map string_of_int !state) in
  List.iter push [3; 1; 4; 1; 5];
  print_endline (dump ());
  (* closure capturing a float and a string *)
  let greet name = let pi = 3.14 in fun () -> Printf.sprintf "%s %.2f" name pi in
  print_endline ((greet "hi") ())
