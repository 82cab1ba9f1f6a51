(* Over-application: applying a function to more arguments than its syntactic arity *)
let choose b = if b then (fun x y -> x + y) else (fun x y -> x * y)
let make_adder x = fun y -> fun z -> x + y + z
let id x = x
let k x _ = x

let () =
  Printf.printf "%d\n" (choose true 3 4);
  Printf.printf "%d\n" (choose false 3 4);
  Printf.printf "%d\n" (make_adder 1 2 3);
  Printf.printf "%d\n" (id id id ( + ) 5 6);
  Printf.printf "%d\n" (id (fun a b c -> a * b * c) 2 3 4);
  Printf.printf "%s\n" (k (fun s -> s ^ "!") 42 "wow");
  let compose f g x = f (g x) in
  Printf.printf "%d\n" (compose (fun f -> f 10) (fun a b -> a - b) 3);
  let twice f x = f (f x) in
  Printf.printf "%d\n" (twice twice (fun x -> x * 2) 1);
  let rec nest n = if n = 0 then (fun x -> x) else (fun x -> nest (n - 1) (x + 1)) in
  Printf.printf "%d\n" (nest 10 0);
  let pair a b = (a, b) in
  let (p, q) = id pair 1 "two" in
  Printf.printf "%d %s\n" p q
