(* NaN signs: "-nan" for NaNs with the sign bit set (as 0/0 computes them on x86) in %f %e %g %h, string_of_float, Format; float_of_string "nan"/"-nan"; bits of computed NaNs (the payload of a positive NaN is not visible on Lua 5.1, see docs/design.md) *)
let () =
  let z = Sys.opaque_identity 0.0 in
  let computed = z /. z and flipped = -. (z /. z) in
  let parsed = float_of_string "nan" and parsed_neg = float_of_string "-nan" in
  List.iter
    (fun (name, x) ->
      Printf.printf "%-8s %f %e %g %h %F %s %.3f [%6.1f] [%-6f] %+f % f\n" name x x x x x
        (string_of_float x) x x x x x)
    [ ("0/0", computed); ("-(0/0)", flipped); ("nan", Float.nan); ("-nan", -. Float.nan);
      ("parsed", parsed); ("parsed-", parsed_neg); ("sqrt-1", sqrt (-1.0)) ];
  Printf.printf "%Lx %Lx\n" (Int64.bits_of_float computed)
    (Int64.bits_of_float (Int64.float_of_bits 0xFFF8000000000000L));
  Printf.printf "%lx %lx\n" (Int32.bits_of_float computed) (Int32.bits_of_float (abs_float computed));
  print_endline (Format.asprintf "%f %a %a" computed Format.pp_print_float computed
    Format.pp_print_float flipped);
  Printf.printf "%s %s %b %b\n" (Float.to_string computed) (Float.to_string (Float.abs computed))
    (Float.sign_bit computed = Float.sign_bit (Int64.float_of_bits 0xFFF8000000000000L))
    (Float.is_nan (Float.copy_sign Float.nan (-1.0)))
