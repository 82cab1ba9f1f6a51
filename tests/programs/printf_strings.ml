(* Printf string/char/bool formats: %s %S %c %C %b with widths and alignment, %! flush, literal %% and @ *)
let () =
  Printf.printf "[%s] [%10s] [%-10s]\n" "hello" "hello" "hello";
  Printf.printf "[%S] [%S] [%S]\n" "plain" "with \"quotes\"" "esc\n\t\\";
  Printf.printf "[%S]\n" "\001\127\200";
  Printf.printf "[%c] [%c]\n" 'a' 'Z';
  Printf.printf "[%C] [%C] [%C]\n" 'a' '\n' '\'';
  Printf.printf "[%b] [%b] [%8b] [%-8b|]\n" true false true false;
  Printf.printf "[%B]\n" true;
  Printf.printf "100%% done @ home%!\n";
  Printf.printf "%s%s%s\n" "a" "" "c";
  Printf.printf "[%5s] [%-5s]\n" "" "";
  Printf.printf "[%20S]\n" "abc";
  print_string (Printf.sprintf "%s=%d;" "k" 1);
  print_string (Printf.sprintf "%c%c" 'o' 'k');
  print_newline ();
  Printf.printf "unicode: [%s] [%5s]\n" "\xce\xbb" "\xce\xbb"
