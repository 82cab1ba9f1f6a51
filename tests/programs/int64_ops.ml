(* Int64: arithmetic beyond 32 bits, wrapping at 64 bits, division, bit ops, shifts, conversions, %Ld %Lx %Lu printing *)
let () =
  let big = 1_000_000_000_000L in
  Printf.printf "%Ld %Ld %Ld\n" (Int64.mul big 1000L) (Int64.add big 1L) (Int64.div big 7L);
  Printf.printf "max=%Ld min=%Ld\n" Int64.max_int Int64.min_int;
  Printf.printf "wrap=%Ld %Ld\n" (Int64.add Int64.max_int 1L) (Int64.mul 4294967296L 4294967296L);
  Printf.printf "2^32=%Ld 2^53+1=%Ld 2^62=%Ld\n" (Int64.shift_left 1L 32) (Int64.add (Int64.shift_left 1L 53) 1L) (Int64.shift_left 1L 62);
  let fact n = let rec go n acc = if n <= 1L then acc else go (Int64.pred n) (Int64.mul acc n) in go n 1L in
  for i = 15 to 21 do Printf.printf "%d! = %Ld\n" i (fact (Int64.of_int i)) done;
  Printf.printf "div=%Ld rem=%Ld\n" (Int64.div (-7L) 2L) (Int64.rem (-7L) 2L);
  Printf.printf "hex=%Lx %LX neg=%Lx oct=%Lo u=%Lu\n" 0xDEADBEEFCAFEL 255L (-1L) 64L (-1L);
  Printf.printf "padded=[%020Ld] [%-12Lx|] [%+Ld]\n" 123456789012345L 0xABCL 5L;
  Printf.printf "and=%Lx or=%Lx xor=%Lx not=%Ld\n" (Int64.logand 0xFF00FF00FF00L 0x0FF00FF00FF0L) (Int64.logor 0xF000000000L 0xFL) (Int64.logxor (-1L) 0xFFL) (Int64.lognot 5L);
  Printf.printf "asr=%Ld lsr=%Ld lsr=%Lx\n" (Int64.shift_right (-1024L) 3) (Int64.shift_right_logical (-1L) 60) (Int64.shift_right_logical 0x8000000000000000L 63);
  Printf.printf "of_string=%Ld %Ld %Ld\n" (Int64.of_string "9223372036854775807") (Int64.of_string "-42") (Int64.of_string "0x7fffffffffffffff");
  Printf.printf "to_string=%s\n" (Int64.to_string (-9876543210L));
  Printf.printf "to_int=%d of_int=%Ld to_int32=%ld of_int32=%Ld\n" (Int64.to_int 123456L) (Int64.of_int (-5)) (Int64.to_int32 0x1_0000_0005L) (Int64.of_int32 (-1l));
  Printf.printf "to_float=%.1f of_float=%Ld\n" (Int64.to_float 9007199254740993L) (Int64.of_float 1e15);
  Printf.printf "bits=%Lx back=%g\n" (Int64.bits_of_float 1.5) (Int64.float_of_bits 0x4000000000000000L);
  Printf.printf "compare=%d %d equal=%b\n" (Int64.compare 1L 2L) (compare 5000000000L 4000000000L) (Int64.equal 1L 1L);
  Printf.printf "unsigned: div=%Ld rem=%Ld cmp=%d\n" (Int64.unsigned_div (-1L) 10L) (Int64.unsigned_rem (-1L) 10L) (Int64.unsigned_compare (-1L) 1L);
  let fib n = let rec go i a b = if i = n then a else go (i + 1) b (Int64.add a b) in go 0 0L 1L in
  Printf.printf "fib 90 = %Ld\n" (fib 90);
  let lcg s = Int64.add (Int64.mul s 6364136223846793005L) 1442695040888963407L in
  let s = ref 42L in
  for _ = 1 to 5 do s := lcg !s; Printf.printf "%Lx " !s done;
  print_newline ();
  Printf.printf "sum of squares=%Ld\n" (List.fold_left (fun acc i -> Int64.add acc (Int64.mul (Int64.of_int i) (Int64.of_int i))) 0L (List.init 100000 (fun i -> i)))
