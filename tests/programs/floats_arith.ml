(* Float arithmetic: + - * / **, sqrt, exp, log, trig, floor/ceil/round/truncate, mod_float, frexp/ldexp, min/max *)
let p name v = Printf.printf "%-14s %.6f\n" name v

let () =
  p "add" (1.5 +. 2.25);
  p "sub" (1.5 -. 2.25);
  p "mul" (1.5 *. -2.25);
  p "div" (1. /. 3.);
  p "pow" (2. ** 10.);
  p "pow frac" (2. ** 0.5);
  p "sqrt" (sqrt 2.);
  p "exp" (exp 1.);
  p "log" (log 10.);
  p "log10" (log10 1000.);
  p "log1p" (log1p 1e-3);
  p "expm1" (expm1 1e-3);
  p "sin" (sin 1.);
  p "cos" (cos 1.);
  p "tan" (tan 1.);
  p "asin" (asin 0.5);
  p "acos" (acos 0.5);
  p "atan" (atan 1.);
  p "atan2" (atan2 1. (-1.));
  p "sinh" (sinh 1.);
  p "cosh" (cosh 1.);
  p "tanh" (tanh 1.);
  p "hypot" (hypot 3. 4.);
  p "floor" (floor (-2.5));
  p "ceil" (ceil (-2.5));
  p "round" (Float.round 2.5);
  p "round neg" (Float.round (-2.5));
  p "trunc" (Float.trunc (-2.7));
  p "mod_float" (mod_float 7.5 2.);
  p "mod_float neg" (mod_float (-7.5) 2.);
  p "abs" (abs_float (-3.));
  p "copysign" (copysign 3. (-0.));
  p "min" (min 1.5 (-2.));
  p "max" (Float.max 1.5 (-2.));
  p "float_of_int" (float_of_int 7 /. 2.);
  Printf.printf "truncate %d %d %d\n" (truncate 3.99) (truncate (-3.99)) (int_of_float 1e6);
  let m, e = frexp 12.0 in
  Printf.printf "frexp %f %d ldexp %f\n" m e (ldexp 0.75 4);
  let fr, ip = modf 3.25 in
  Printf.printf "modf %f %f\n" fr ip;
  Printf.printf "sum=%.10f\n" (List.fold_left ( +. ) 0. (List.init 10 (fun _ -> 0.1)));
  Printf.printf "cmp %b %b %b %d\n" (0.1 +. 0.2 = 0.3) (1. < 2.) (-0. = 0.) (compare 1.5 1.5);
  Printf.printf "eps=%g pi=%.10f\n" epsilon_float (4. *. atan 1.);
  Printf.printf "int_of_float %d %d\n" (int_of_float 2.5e8) (int_of_float (-1e9))
