(* Algorithmic workload: sieve of Eratosthenes with Bytes, prime counting, twin primes, and goldbach decompositions *)
let sieve n =
  let b = Bytes.make (n + 1) '\001' in
  Bytes.set b 0 '\000'; Bytes.set b 1 '\000';
  let i = ref 2 in
  while !i * !i <= n do
    if Bytes.get b !i = '\001' then begin let j = ref (!i * !i) in while !j <= n do Bytes.set b !j '\000'; j := !j + !i done end;
    incr i
  done;
  b

let () =
  let n = 200000 in
  let s = sieve n in
  let is_p k = Bytes.get s k = '\001' in
  let count = ref 0 and last = ref 0 and twins = ref 0 in
  for k = 2 to n do if is_p k then begin incr count; last := k; if k >= 4 && is_p (k - 2) then incr twins end done;
  Printf.printf "primes<=%d: %d, largest %d, twin pairs %d\n" n !count !last !twins;
  let first = ref [] in
  for k = n downto 2 do if is_p k && k < 60 then first := k :: !first done;
  print_endline (String.concat " " (List.map string_of_int !first));
  List.iter (fun e -> let rec find p = if is_p p && is_p (e - p) then p else find (p + 1) in let p = find 2 in Printf.printf "%d = %d + %d\n" e p (e - p)) [ 4; 28; 100; 1000; 98765 + 1 ]
