(* Optional arguments: defaults, omission, explicit Some/None with ?x, erasure by positional args *)
let greet ?(greeting = "Hello") ?punct name =
  let p = match punct with None -> "." | Some p -> p in
  Printf.sprintf "%s, %s%s" greeting name p

let rec sum ?(acc = 0) = function [] -> acc | x :: r -> sum ~acc:(acc + x) r

let config ?(width = 80) ?(height = 24) ?title () =
  Printf.sprintf "%dx%d %s" width height (match title with None -> "(untitled)" | Some t -> t)

let () =
  print_endline (greet "Alice");
  print_endline (greet ~greeting:"Hi" "Bob");
  print_endline (greet ~punct:"!" "Carol");
  print_endline (greet ~punct:"?" ~greeting:"Yo" "Dave");
  let p = Some "!!!" in
  print_endline (greet ?punct:p "Eve");
  print_endline (greet ?punct:None ?greeting:None "Frank");
  Printf.printf "%d\n" (sum [ 1; 2; 3 ]);
  Printf.printf "%d\n" (sum ~acc:100 [ 1; 2; 3 ]);
  print_endline (config ());
  print_endline (config ~height:50 ());
  print_endline (config ~title:"win" ~width:10 ());
  let c = config ~width:1 in
  print_endline (c ());
  let f ?(x = 1) y = x * y in
  Printf.printf "%d %d\n" (f 5) (f ~x:3 5);
  let g = f ~x:10 in
  Printf.printf "%d\n" (g 2);
  let opt_default ?x () = match x with Some v -> v | None -> -1 in
  Printf.printf "%d %d\n" (opt_default ()) (opt_default ~x:9 ())
