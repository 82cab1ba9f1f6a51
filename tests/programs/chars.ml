(* Char module: code/chr, escaped, uppercase/lowercase_ascii, compare, char arithmetic and printing *)
let () =
  Printf.printf "%d %d %d\n" (Char.code 'A') (Char.code '0') (Char.code '\n');
  Printf.printf "%c%c%c\n" (Char.chr 72) (Char.chr 105) (Char.chr 33);
  List.iter (fun c -> Printf.printf "[%s]" (Char.escaped c)) [ 'a'; '\n'; '\t'; '\\'; '\''; '"'; '\000'; '\127'; '\200'; ' ' ];
  print_newline ();
  print_endline (String.init 26 (fun i -> Char.uppercase_ascii (Char.chr (97 + i))));
  print_endline (String.init 26 (fun i -> Char.lowercase_ascii (Char.chr (65 + i))));
  Printf.printf "%c %c %d\n" (Char.uppercase_ascii '1') (Char.lowercase_ascii '@') (Char.code (Char.uppercase_ascii '\233'));
  Printf.printf "compare %d %d %d\n" (Char.compare 'a' 'b') (Char.compare 'z' 'a') (Char.compare 'q' 'q');
  Printf.printf "equal %b %b\n" (Char.equal 'x' 'x') ('a' < 'b');
  let next c = Char.chr (Char.code c + 1) in
  Printf.printf "%c%c%c\n" (next 'H') (next 'A') (next 'L');
  Printf.printf "%C %C %C %C\n" 'x' '\n' '\'' '\\';
  let count_vowels s = String.fold_left (fun n c -> match Char.lowercase_ascii c with 'a' | 'e' | 'i' | 'o' | 'u' -> n + 1 | _ -> n) 0 s in
  Printf.printf "vowels=%d\n" (count_vowels "The Quick Brown Fox Jumps Over The Lazy Dog");
  let hist = Array.make 26 0 in
  String.iter (fun c -> match c with 'a' .. 'z' -> hist.(Char.code c - 97) <- hist.(Char.code c - 97) + 1 | _ -> ()) "hello world";
  Array.iteri (fun i n -> if n > 0 then Printf.printf "%c=%d " (Char.chr (i + 97)) n) hist;
  print_newline ()
