(* Output ordering on stdout: print_string/print_endline/Printf/Format interleaving, Format buffering until flush, print_char/print_int/print_float *)
let () =
  print_string "a";
  Printf.printf "b";
  print_char 'c';
  print_int 42;
  print_string " ";
  print_float 1.5;
  print_newline ();
  Format.printf "fmt1 ";
  print_string "direct ";
  Format.printf "fmt2@.";
  Format.printf "@[<h>boxed";
  print_string "[plain]";
  Format.printf " still boxed@]@.";
  Printf.printf "%s" "no newline yet";
  flush stdout;
  print_newline ();
  output_string stdout "output_string\n";
  output_char stdout 'x';
  output_substring stdout "..yz.." 2 2;
  output_string stdout "\n";
  Printf.fprintf stdout "fprintf %d\n" 1;
  prerr_endline "this goes to stderr and is not compared";
  Format.fprintf Format.std_formatter "std_formatter %s@." "ok";
  Format.print_string "print_string via Format";
  Format.print_newline ();
  print_endline (string_of_int (-0) ^ string_of_float (-0.5));
  print_bytes (Bytes.of_string "bytes\n");
  Format.printf "unflushed format output at exit"
