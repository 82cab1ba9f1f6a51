(* string_of_float and float_of_string round trips, Float.to_string, %.17g, exact representations *)
let values = [ 0.; -0.; 1.; -1.5; 0.1; 0.2; 0.1 +. 0.2; 1. /. 3.; 2. /. 3.; 100.; 1e15; 1e16; 1e17; 123456789.123; 1e-5; 1e-7; 3.14159; 1e300; 2. ** 52.; 2. ** 53. +. 1.; 1e22; 4.35; 0.3 ]

let () =
  List.iter (fun v -> Printf.printf "%s | %s | %.17g\n" (string_of_float v) (Float.to_string v) v) values;
  List.iter
    (fun s -> let f = float_of_string s in Printf.printf "%S -> %s\n" s (string_of_float f))
    [ "3.5"; "-0.25"; "1e3"; "1E-3"; "  12.5"; "0x1p4"; "0x1.8p1"; "1_000.5"; ".5"; "5."; "007"; "-inf"; "infinity" ];
  List.iter (fun s -> match float_of_string_opt s with Some f -> Printf.printf "%s ok %g\n" s f | None -> Printf.printf "%s none\n" s) [ "1.5"; "abc"; ""; "1.5x"; "1e" ];
  let roundtrip v = float_of_string (Printf.sprintf "%.17g" v) = v in
  Printf.printf "roundtrip=%b\n" (List.for_all roundtrip values)
