(* Int32: arithmetic with wrapping, division/rem semantics, bit operations, shifts, conversions, printing with %ld/%lx *)
let () =
  let a = 123456789l and b = -987654l in
  Printf.printf "%ld %ld %ld %ld %ld\n" (Int32.add a b) (Int32.sub a b) (Int32.mul a 3l) (Int32.div a b) (Int32.rem a b);
  Printf.printf "max=%ld min=%ld\n" Int32.max_int Int32.min_int;
  Printf.printf "wrap add=%ld sub=%ld mul=%ld neg=%ld\n" (Int32.add Int32.max_int 1l) (Int32.sub Int32.min_int 1l) (Int32.mul 65536l 65536l) (Int32.neg Int32.min_int);
  Printf.printf "mul wrap=%ld\n" (Int32.mul 123456789l 1000l);
  Printf.printf "div=%ld rem=%ld div=%ld rem=%ld\n" (Int32.div (-7l) 2l) (Int32.rem (-7l) 2l) (Int32.div 7l (-2l)) (Int32.rem 7l (-2l));
  Printf.printf "min/-1=%ld\n" (Int32.div Int32.min_int (-1l));
  Printf.printf "and=%ld or=%ld xor=%ld not=%ld\n" (Int32.logand 0xF0F0l 0xFF00l) (Int32.logor 0xF0F0l 0x0F0Fl) (Int32.logxor 0xFFl 0x0Fl) (Int32.lognot 0l);
  Printf.printf "shl=%ld shr=%ld asr=%ld lsr=%ld\n" (Int32.shift_left 1l 31) (Int32.shift_right (-16l) 2) (Int32.shift_right (-1l) 31) (Int32.shift_right_logical (-1l) 28);
  Printf.printf "hex=%lx HEX=%lX neg hex=%lx oct=%lo u=%lu\n" 255l 48879l (-1l) 8l (-1l);
  Printf.printf "padded=[%08lx] [%10ld] [%-6ld]\n" 0xABCl 42l (-5l);
  Printf.printf "to_int=%d of_int=%ld of_float=%ld to_float=%.1f\n" (Int32.to_int 1000l) (Int32.of_int 77) (Int32.of_float 3.99) (Int32.to_float (-8l));
  Printf.printf "of_string=%ld %ld %ld\n" (Int32.of_string "2147483647") (Int32.of_string "-2147483648") (Int32.of_string "0xFFFFFFFF");
  Printf.printf "to_string=%s %s\n" (Int32.to_string Int32.min_int) (Int32.to_string 0l);
  Printf.printf "of_string_opt=%s\n" (match Int32.of_string_opt "2147483648" with None -> "None" | Some v -> Int32.to_string v);
  Printf.printf "compare=%d %d equal=%b abs=%ld abs_min=%ld\n" (Int32.compare 1l 2l) (Int32.compare Int32.min_int Int32.max_int) (Int32.equal 5l 5l) (Int32.abs (-9l)) (Int32.abs Int32.min_int);
  Printf.printf "succ=%ld pred=%ld\n" (Int32.succ Int32.max_int) (Int32.pred 0l);
  Printf.printf "bits_of_float=%lx float_of_bits=%g\n" (Int32.bits_of_float 1.0) (Int32.float_of_bits 0x40490fdbl);
  let h = ref 0l in
  String.iter (fun c -> h := Int32.add (Int32.mul !h 31l) (Int32.of_int (Char.code c))) "The quick brown fox jumps over the lazy dog";
  Printf.printf "java-style hash=%ld\n" !h;
  let fnv = ref 0x811c9dc5l in
  String.iter (fun c -> fnv := Int32.mul (Int32.logxor !fnv (Int32.of_int (Char.code c))) 16777619l) "hello";
  Printf.printf "fnv1a=%lx\n" !fnv
