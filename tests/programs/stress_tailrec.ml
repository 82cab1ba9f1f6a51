(* Stress: 1,000,000-deep tail recursion in several shapes (self call, mutual, through a closure argument, with many arguments) *)
let rec count n acc = if n = 0 then acc else count (n - 1) (acc + 1)

let rec even n = if n = 0 then true else odd (n - 1)
and odd n = if n = 0 then false else even (n - 1)

let rec loop_k n k = if n = 0 then k 0 else loop_k (n - 1) k

let rec many a b c d e f n = if n = 0 then a + b + c + d + e + f else many b c d e f ((a + 1) land 0xFF) (n - 1)

let rec via_match l n = match n with 0 -> List.length l | n -> via_match (if n mod 100000 = 0 then n :: l else l) (n - 1)

let rec with_exn_handler_outside n = if n = 0 then raise Exit else with_exn_handler_outside (n - 1)

let () =
  Printf.printf "count=%d\n" (count 1_000_000 0);
  Printf.printf "even=%b odd=%b\n" (even 1_000_000) (odd 1_000_001);
  Printf.printf "loop_k=%d\n" (loop_k 1_000_000 (fun x -> x + 7));
  Printf.printf "many=%d\n" (many 1 2 3 4 5 6 1_000_000);
  Printf.printf "via_match=%d\n" (via_match [] 1_000_000);
  (try with_exn_handler_outside 1_000_000 with Exit -> print_endline "exit caught after 1000000 tail calls");
  let rec go i = if i < 1_000_000 then go (i + 1) else i in
  Printf.printf "local=%d\n" (go 0)
