(* Lazy values: lazy/force, memoization (forced once), Lazy.from_val, is_val, lazy patterns, lazy streams *)
let counter = ref 0
let expensive = lazy (incr counter; 6 * 7)

type 'a stream = Cons of 'a * 'a stream Lazy.t

let rec from n = Cons (n, lazy (from (n + 1)))
let rec take n (Cons (x, rest)) = if n = 0 then [] else x :: take (n - 1) (Lazy.force rest)
let rec smap f (Cons (x, rest)) = Cons (f x, lazy (smap f (Lazy.force rest)))
let rec sfilter p (Cons (x, rest)) = if p x then Cons (x, lazy (sfilter p (Lazy.force rest))) else sfilter p (Lazy.force rest)

let rec sieve (Cons (p, rest)) = Cons (p, lazy (sieve (sfilter (fun n -> n mod p <> 0) (Lazy.force rest))))

let () =
  Printf.printf "is_val=%b\n" (Lazy.is_val expensive);
  Printf.printf "%d %d\n" (Lazy.force expensive) (Lazy.force expensive);
  Printf.printf "counter=%d is_val=%b\n" !counter (Lazy.is_val expensive);
  let v = Lazy.from_val 5 in
  Printf.printf "from_val=%d %b\n" (Lazy.force v) (Lazy.is_val v);
  let f = Lazy.from_fun (fun () -> print_endline "computing"; "done") in
  print_endline "before";
  print_endline (Lazy.force f);
  print_endline (Lazy.force f);
  (match lazy (1 + 1) with lazy n -> Printf.printf "pattern %d\n" n);
  print_endline (String.concat " " (List.map string_of_int (take 10 (smap (fun x -> x * x) (from 1)))));
  print_endline (String.concat " " (List.map string_of_int (take 15 (sieve (from 2)))));
  let l = List.init 5 (fun i -> lazy (i * 10)) in
  Printf.printf "sum=%d\n" (List.fold_left (fun a x -> a + Lazy.force x) 0 l);
  let lm = Lazy.map (fun x -> x + 1) (lazy 41) in
  Printf.printf "map=%d\n" (Lazy.force lm)
