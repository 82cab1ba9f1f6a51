(* Integer arithmetic within 32-bit range: division and modulo with negatives, bitwise ops, shifts, abs, succ/pred, Division_by_zero *)
let () =
  let pairs = [ (17, 5); (-17, 5); (17, -5); (-17, -5); (0, 3); (5, 17); (1000000, 7) ] in
  List.iter (fun (a, b) -> Printf.printf "%d / %d = %d, %d mod %d = %d\n" a b (a / b) a b (a mod b)) pairs;
  Printf.printf "land=%d lor=%d lxor=%d lnot=%d\n" (0b1100 land 0b1010) (0b1100 lor 0b1010) (0b1100 lxor 0b1010) (lnot 5);
  Printf.printf "lsl=%d lsr=%d asr=%d asr neg=%d\n" (1 lsl 10) (1024 lsr 3) (1024 asr 3) (-1024 asr 3);
  Printf.printf "lsr of small neg masked=%d\n" ((-8) lsr 1 land 0xFFFF);
  Printf.printf "abs=%d %d succ=%d pred=%d\n" (abs (-42)) (abs 42) (succ 9) (pred 0);
  Printf.printf "neg=%d %d\n" (- 5) (~- (-7));
  Printf.printf "precedence=%d %d %d\n" (2 + 3 * 4) ((2 + 3) * 4) (100 / 10 / 5);
  Printf.printf "mixed=%d\n" ((7 * 6) - (100 mod 7) + (1 lsl 4) - (255 land 15));
  (try ignore (1 / 0) with Division_by_zero -> print_endline "div by zero");
  (try ignore (1 mod 0) with Division_by_zero -> print_endline "mod by zero");
  let popcount n = let rec go n c = if n = 0 then c else go (n land (n - 1)) (c + 1) in go n 0 in
  Printf.printf "popcount: %d %d %d\n" (popcount 0) (popcount 255) (popcount 0x55555);
  let isqrt n = let rec go x = let y = (x + (n / x)) / 2 in if y >= x then x else go y in if n < 2 then n else go n in
  Printf.printf "isqrt: %d %d %d\n" (isqrt 99) (isqrt 100) (isqrt 1000000000);
  let rec pow b e = if e = 0 then 1 else let h = pow b (e / 2) in if e mod 2 = 0 then h * h else h * h * b in
  Printf.printf "pow: %d %d %d\n" (pow 2 20) (pow 3 19) (pow 10 9);
  let rec powmod b e m = if e = 0 then 1 else let h = powmod b (e / 2) m in let h2 = h * h mod m in if e mod 2 = 0 then h2 else h2 * b mod m in
  Printf.printf "powmod: %d\n" (powmod 7 1000 10007);
  Printf.printf "compare ints: %d %d %d\n" (compare 3 5) (compare 5 3) (compare (-1) (-1));
  Printf.printf "min/max: %d %d\n" (min 3 (-3)) (max 3 (-3))
