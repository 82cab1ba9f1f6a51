(* Dynamic programming with arrays and Hashtbl memoization: fibonacci, LCS, edit distance, knapsack, coin change *)
let memo_fib =
  let h = Hashtbl.create 64 in
  let rec fib n = if n < 2 then n else match Hashtbl.find_opt h n with Some v -> v | None -> let v = (fib (n - 1) + fib (n - 2)) mod 1_000_000_007 in Hashtbl.add h n v; v in
  fib

let lcs a b =
  let n = String.length a and m = String.length b in
  let t = Array.make_matrix (n + 1) (m + 1) 0 in
  for i = 1 to n do for j = 1 to m do t.(i).(j) <- (if a.[i - 1] = b.[j - 1] then t.(i - 1).(j - 1) + 1 else max t.(i - 1).(j) t.(i).(j - 1)) done done;
  let buf = Buffer.create 16 in
  let rec back i j = if i > 0 && j > 0 then if a.[i - 1] = b.[j - 1] then (back (i - 1) (j - 1); Buffer.add_char buf a.[i - 1]) else if t.(i - 1).(j) >= t.(i).(j - 1) then back (i - 1) j else back i (j - 1) in
  back n m;
  (t.(n).(m), Buffer.contents buf)

let edit a b =
  let n = String.length a and m = String.length b in
  let d = Array.make_matrix (n + 1) (m + 1) 0 in
  for i = 0 to n do d.(i).(0) <- i done;
  for j = 0 to m do d.(0).(j) <- j done;
  for i = 1 to n do for j = 1 to m do d.(i).(j) <- min (min (d.(i - 1).(j) + 1) (d.(i).(j - 1) + 1)) (d.(i - 1).(j - 1) + if a.[i - 1] = b.[j - 1] then 0 else 1) done done;
  d.(n).(m)

let knapsack items cap =
  let best = Array.make (cap + 1) 0 in
  List.iter (fun (w, v) -> for c = cap downto w do best.(c) <- max best.(c) (best.(c - w) + v) done) items;
  best.(cap)

let coin_ways coins target =
  let ways = Array.make (target + 1) 0 in
  ways.(0) <- 1;
  List.iter (fun c -> for v = c to target do ways.(v) <- (ways.(v) + ways.(v - c)) mod 1_000_000_007 done) coins;
  ways.(target)

let () =
  List.iter (fun n -> Printf.printf "fib %d = %d\n" n (memo_fib n)) [ 10; 40; 90; 500 ];
  List.iter (fun (a, b) -> let n, s = lcs a b in Printf.printf "lcs %s %s = %d %S\n" a b n s) [ ("ABCBDAB", "BDCABA"); ("kitten", "sitting"); ("", "x") ];
  List.iter (fun (a, b) -> Printf.printf "edit %s %s = %d\n" a b (edit a b)) [ ("kitten", "sitting"); ("flaw", "lawn"); ("same", "same"); ("", "abc") ];
  Printf.printf "knapsack = %d\n" (knapsack [ (12, 4); (2, 2); (1, 1); (1, 2); (4, 10) ] 15);
  Printf.printf "coin ways 100 = %d, 1000 = %d\n" (coin_ways [ 1; 5; 10; 25; 50 ] 100) (coin_ways [ 1; 2; 5; 10; 20; 50; 100; 200 ] 1000)
