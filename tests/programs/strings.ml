(* Basic strings: literals with escapes, concatenation, length, indexing, comparison, make/init, iteration *)
let () =
  let s = "Hello, World" in
  Printf.printf "%s %d %c %c\n" s (String.length s) s.[0] s.[String.length s - 1];
  let t = s ^ "!" ^ " " ^ "ok" in
  print_endline t;
  print_endline "tab:\there, newline escaped:\\n, quote:\", unicode bytes:\xce\xbb, octal-ish:\065\066";
  Printf.printf "len of utf8 lambda: %d\n" (String.length "\xce\xbb");
  print_endline (String.make 5 '*');
  print_endline (String.init 10 (fun i -> Char.chr (48 + i)));
  Printf.printf "%b %b %b %b\n" ("abc" = "abc") ("abc" < "abd") ("abc" < "ab") ("" < "a");
  Printf.printf "%d %d %d\n" (compare "apple" "banana") (compare "b" "a") (String.compare "same" "same");
  String.iteri (fun i c -> if i mod 2 = 0 then print_char c) "abcdefgh";
  print_newline ();
  let multi = "line one
line two" in
  print_endline multi;
  let cont = "abc\
              def" in
  print_endline cont;
  print_endline {|raw \n string with "quotes"|};
  print_endline {foo|delimited |} string|foo};
  let b = Buffer.create 16 in
  for i = 1 to 5 do Buffer.add_string b (string_of_int i) done;
  print_endline (Buffer.contents b);
  Printf.printf "empty=%S len=%d\n" "" (String.length "");
  print_endline (String.concat "" (List.init 3 (fun _ -> "ab")))
