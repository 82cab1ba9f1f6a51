(* Special floats: nan, infinity, neg_infinity printing and comparisons, classify_float, is_nan, is_integer *)
let show_class f =
  match classify_float f with FP_normal -> "normal" | FP_subnormal -> "subnormal" | FP_zero -> "zero" | FP_infinite -> "infinite" | FP_nan -> "nan"

let () =
  Printf.printf "%f %f %f\n" infinity neg_infinity nan;
  Printf.printf "%g %g %g\n" infinity neg_infinity nan;
  Printf.printf "%e %F %F %F\n" infinity infinity neg_infinity nan;
  Printf.printf "%s %s %s\n" (string_of_float infinity) (string_of_float neg_infinity) (string_of_float nan);
  Printf.printf "[%8f] [%-8f]\n" infinity neg_infinity;
  let inf2 = 1. /. 0. and ninf2 = -1. /. 0. in
  Printf.printf "%b %b\n" (inf2 = infinity) (ninf2 = neg_infinity);
  let n = 0. /. 0. in
  Printf.printf "nan: is_nan=%b eq_self=%b neq_self=%b lt=%b gt=%b\n" (Float.is_nan n) (n = n) (n <> n) (n < 1.) (n > 1.);
  Printf.printf "compare nan nan=%d compare nan 1=%d compare 1 nan=%d\n" (compare nan nan) (compare nan 1.) (compare 1. nan);
  Printf.printf "inf arith: %f %f %b\n" (infinity +. 1.) (infinity *. -2.) (Float.is_nan (infinity -. infinity));
  List.iter (fun f -> Printf.printf "%s " (show_class f)) [ 1.; 0.; -0.; 5e-324; infinity; nan; 1e308 ];
  print_newline ();
  Printf.printf "is_integer %b %b %b\n" (Float.is_integer 3.) (Float.is_integer 3.5) (Float.is_integer infinity);
  Printf.printf "is_finite %b %b\n" (Float.is_finite 1e308) (Float.is_finite (1e308 *. 10.));
  Printf.printf "max_float=%g min_float=%g\n" max_float min_float;
  Printf.printf "1/-0=%f sign=%b\n" (1. /. -0.) (Float.sign_bit (-0.));
  Printf.printf "min nan: %b %b\n" (Float.is_nan (Float.min nan 1.)) (Float.is_nan (Float.min_num nan 1.));
  Printf.printf "sorted: %s\n" (String.concat " " (List.map string_of_float (List.sort compare [ 3.; neg_infinity; 0.; infinity; -1. ])))
