(* Simple recursion: factorial, fibonacci, ackermann, hanoi, power set, gcd *)
let rec fact n = if n <= 1 then 1 else n * fact (n - 1)
let rec fib n = if n < 2 then n else fib (n - 1) + fib (n - 2)
let rec ack m n = if m = 0 then n + 1 else if n = 0 then ack (m - 1) 1 else ack (m - 1) (ack m (n - 1))
let rec gcd a b = if b = 0 then a else gcd b (a mod b)

let hanoi n =
  let moves = ref [] in
  let rec go n a b c = if n > 0 then begin go (n - 1) a c b; moves := (a, c) :: !moves; go (n - 1) b a c end in
  go n 'A' 'B' 'C';
  List.rev !moves

let rec powerset = function
  | [] -> [ [] ]
  | x :: r -> let p = powerset r in p @ List.map (fun s -> x :: s) p

let () =
  for i = 0 to 12 do Printf.printf "%d! = %d\n" i (fact i) done;
  Printf.printf "fib 20 = %d\n" (fib 20);
  Printf.printf "ack 2 3 = %d, ack 3 3 = %d\n" (ack 2 3) (ack 3 3);
  Printf.printf "gcd 1071 462 = %d\n" (gcd 1071 462);
  let m = hanoi 4 in
  Printf.printf "hanoi moves: %d\n" (List.length m);
  List.iter (fun (a, c) -> Printf.printf "%c%c " a c) m;
  print_newline ();
  let ps = powerset [ 1; 2; 3 ] in
  List.iter (fun s -> Printf.printf "{%s}" (String.concat "," (List.map string_of_int s))) ps;
  print_newline ()
