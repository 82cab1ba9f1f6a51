(* Tail recursion with 1,000,000 iterations: accumulators, mutual tail calls, tail calls through match/if *)
let rec count n acc = if n = 0 then acc else count (n - 1) (acc + 1)

let rec sum_mod n acc = if n = 0 then acc else sum_mod (n - 1) ((acc + n) mod 1000003)

let rec ping n = if n = 0 then "ping" else pong (n - 1)
and pong n = if n = 0 then "pong" else ping (n - 1)

let rec loop_match n acc =
  match n with
  | 0 -> acc
  | n when n mod 2 = 0 -> loop_match (n - 1) (acc + 2)
  | n -> loop_match (n - 1) (acc - 1)

let rec build n acc = if n = 0 then acc else build (n - 1) (n :: acc)

let () =
  Printf.printf "%d\n" (count 1_000_000 0);
  Printf.printf "%d\n" (sum_mod 1_000_000 0);
  print_endline (ping 1_000_000);
  print_endline (ping 1_000_001);
  Printf.printf "%d\n" (loop_match 1_000_000 0);
  let l = build 1_000_000 [] in
  Printf.printf "%d %d\n" (List.length l) (List.fold_left (fun a x -> (a + x) land 0xFFFF) 0 l);
  let rec while_like i = if i < 1_000_000 then while_like (i + 1) else i in
  Printf.printf "%d\n" (while_like 0)
