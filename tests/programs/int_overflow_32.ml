(* Integer wrapping shown portably: Int32 arithmetic wraps at 32 bits; native int results printed only when identical for 32-bit and 63-bit ints *)
let () =
  (* explicit 32-bit wrapping through Int32 *)
  Printf.printf "%ld\n" (Int32.add Int32.max_int 1l);
  Printf.printf "%ld\n" (Int32.sub Int32.min_int 1l);
  Printf.printf "%ld\n" (Int32.mul 100000l 100000l);
  Printf.printf "%ld\n" (Int32.mul 0x7fffffffl 2l);
  Printf.printf "%ld\n" (Int32.neg Int32.min_int);
  Printf.printf "%ld\n" (Int32.shift_left 3l 30);
  Printf.printf "%ld\n" (Int32.of_int 0x12345678);
  let acc = ref 1l in
  for _ = 1 to 40 do acc := Int32.mul !acc 3l done;
  Printf.printf "3^40 mod 2^32 (signed) = %ld\n" !acc;
  (* wrapping native-int results masked back into a small range are width independent *)
  let x = 1 lsl 29 in
  Printf.printf "%d\n" x;
  Printf.printf "%d\n" ((x * 4) land 0xFFFF);
  Printf.printf "%d\n" ((0x3FFFFFFF + 1) land 0x3FFFFFFF);
  Printf.printf "%d\n" ((123456789 * 1000) land 0xFFFF);
  Printf.printf "%d\n" (((-1) lsr 2) land 0xFF);
  Printf.printf "%d\n" ((-5) asr 1);
  Printf.printf "%d\n" ((-1) land 0xFFFFFF);
  Printf.printf "%d\n" (min_int land 1);
  Printf.printf "%b\n" (max_int > 1_000_000_000);
  Printf.printf "%b\n" (min_int < -1_000_000_000);
  Printf.printf "%b\n" (max_int + 1 = min_int);
  Printf.printf "%d\n" (abs (-1073741823));
  Printf.printf "%d\n" (1073741823 / 7);
  Printf.printf "%d\n" ((-1073741823) mod 1000);
  (* hashing style mixing done with land to stay in range *)
  let h = ref 0 in
  String.iter (fun c -> h := ((!h * 31) + Char.code c) land 0xFFFFFF) "portable hashing of a string";
  Printf.printf "%d\n" !h
