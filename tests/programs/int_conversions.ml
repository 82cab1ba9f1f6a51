(* string_of_int, int_of_string (decimal, hex, octal, binary, underscores, signs), int_of_string_opt, string_of_bool, Int module *)
let show_opt = function Some n -> string_of_int n | None -> "None"

let () =
  List.iter (fun n -> print_string (string_of_int n ^ " ")) [ 0; 7; -7; 1000000; -123456789; 1073741823 ];
  print_newline ();
  List.iter (fun s -> Printf.printf "%S -> %d\n" s (int_of_string s))
    [ "0"; "42"; "-42"; "+17"; "0x1F"; "0XfF"; "0o17"; "0b1011"; "1_000_000"; "007"; "-0x10"; "0u123" ];
  List.iter (fun s -> Printf.printf "opt %S -> %s\n" s (show_opt (int_of_string_opt s))) [ "12"; ""; "abc"; "12abc"; " 12"; "1.5"; "0x"; "-"; "0b102" ];
  Printf.printf "%s %s %b %b\n" (string_of_bool true) (string_of_bool false) (bool_of_string "true") (bool_of_string "false");
  Printf.printf "%s\n" (match bool_of_string_opt "yes" with None -> "None" | Some b -> string_of_bool b);
  Printf.printf "Int: %s %d %d %d %d %d\n" (Int.to_string 99) (Int.abs (-4)) (Int.neg 4) (Int.min 3 8) (Int.max 3 8) (Int.succ 1);
  Printf.printf "Int.compare=%d equal=%b rem=%d div=%d\n" (Int.compare 2 10) (Int.equal 3 3) (Int.rem (-7) 3) (Int.div (-7) 3);
  Printf.printf "logic: %d %d %d %d %d %d\n" (Int.logand 12 10) (Int.logor 12 10) (Int.logxor 12 10) (Int.shift_left 1 10) (Int.shift_right (-256) 4) (Int.lognot 0);
  Printf.printf "of_float=%d to_float=%.1f\n" (Int.of_float (-3.7)) (Int.to_float 12);
  Printf.printf "char digits: %d\n" (List.fold_left (fun acc c -> (acc * 10) + (Char.code c - 48)) 0 [ '1'; '2'; '3' ]);
  Printf.printf "roundtrip=%b\n" (List.for_all (fun n -> int_of_string (string_of_int n) = n) [ 0; 1; -1; 999999; -1000000000 ]);
  Printf.printf "string_of_float(float_of_int)=%s\n" (string_of_float (float_of_int 42))
