(* Nativeint basics: arithmetic and printing with values that fit in 32 bits, conversions, %nd %nx *)
let () =
  let a = 1000n and b = 37n in
  Printf.printf "%nd %nd %nd %nd %nd\n" (Nativeint.add a b) (Nativeint.sub a b) (Nativeint.mul a b) (Nativeint.div a b) (Nativeint.rem a b);
  Printf.printf "neg=%nd abs=%nd\n" (Nativeint.neg 5n) (Nativeint.abs (-12n));
  Printf.printf "hex=%nx %nX oct=%no\n" 255n 3054n 8n;
  Printf.printf "and=%nd or=%nd xor=%nd shl=%nd shr=%nd\n" (Nativeint.logand 12n 10n) (Nativeint.logor 12n 10n) (Nativeint.logxor 12n 10n) (Nativeint.shift_left 1n 20) (Nativeint.shift_right (-64n) 3);
  Printf.printf "of_int=%nd to_int=%d of_string=%nd to_string=%s\n" (Nativeint.of_int 123) (Nativeint.to_int 456n) (Nativeint.of_string "-789") (Nativeint.to_string 1000000n);
  Printf.printf "of_float=%nd to_float=%.2f\n" (Nativeint.of_float 12.7) (Nativeint.to_float 3n);
  Printf.printf "of_int32=%nd to_int32=%ld\n" (Nativeint.of_int32 (-100l)) (Nativeint.to_int32 100n);
  Printf.printf "compare=%d equal=%b zero=%nd one=%nd minus_one=%nd\n" (Nativeint.compare 3n 2n) (Nativeint.equal 0n Nativeint.zero) Nativeint.zero Nativeint.one Nativeint.minus_one;
  Printf.printf "succ=%nd pred=%nd\n" (Nativeint.succ 9n) (Nativeint.pred 0n);
  Printf.printf "[%8nd] [%-8nd] [%08nx]\n" 42n 42n 255n
