(* Currying: multi-argument functions applied one argument at a time, uncurried tuples, curry/uncurry *)
let add3 a b c = a + b + c
let curry f a b = f (a, b)
let uncurry f (a, b) = f a b

let () =
  let f1 = add3 1 in
  let f2 = f1 2 in
  Printf.printf "%d\n" (f2 3);
  Printf.printf "%d\n" (add3 10 20 30);
  let pair_sum (a, b) = a + b in
  Printf.printf "%d\n" ((curry pair_sum) 4 5);
  Printf.printf "%d\n" ((uncurry ( + )) (6, 7));
  let ops = [ ( + ); ( - ); ( * ); ( / ); ( mod ) ] in
  List.iter (fun op -> Printf.printf "%d " (op 17 5)) ops;
  print_newline ();
  let apply_twice f x = f (f x) in
  Printf.printf "%d\n" (apply_twice (add3 1 1) 0);
  let flip f a b = f b a in
  Printf.printf "%d\n" (flip ( - ) 1 10);
  let s = List.fold_left (fun acc f -> f acc) 1 [ ( * ) 2; ( + ) 3; ( * ) 4 ] in
  Printf.printf "%d\n" s;
  let f a b c d e f g h = a + b * c - d + e * f - g + h in
  let p = f 1 2 3 in
  let q = p 4 5 in
  Printf.printf "%d\n" (q 6 7 8)
