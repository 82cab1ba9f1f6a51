(* str_replace: Str replacement (\N groups) and splitting (split, bounded_split, split_delim, full_split) *)
let show_list l = "[" ^ String.concat "; " (List.map (Printf.sprintf "%S") l) ^ "]"

let show_full l =
  "[" ^ String.concat "; "
    (List.map (function
         | Str.Text s -> Printf.sprintf "Text %S" s
         | Str.Delim s -> Printf.sprintf "Delim %S" s) l) ^ "]"

let guard f = try f () with
  | Failure m -> "Failure " ^ m
  | Not_found -> "Not_found"
  | Invalid_argument m -> "Invalid_argument " ^ m

let greplace pat repl s =
  Printf.printf "global_replace %S %S %S = %s\n" pat repl s
    (guard (fun () -> Printf.sprintf "%S" (Str.global_replace (Str.regexp pat) repl s)))

let rfirst pat repl s =
  Printf.printf "replace_first %S %S %S = %s\n" pat repl s
    (guard (fun () -> Printf.sprintf "%S" (Str.replace_first (Str.regexp pat) repl s)))

let () =
  greplace "[0-9]+" "N" "a1b22c333";
  greplace "\\([a-z]+\\)=\\([0-9]+\\)" "\\2:\\1" "x=1, yy=22, zzz=333";
  greplace "\\(a\\)\\|\\(b\\)" "<\\1|\\2>" "abc";
  greplace "o" "0" "foo boo";
  greplace "" "-" "abc";
  greplace "x*" "-" "abc";
  greplace "b*" "X" "abbbc";
  greplace "^" "> " "line1\nline2\nline3";
  greplace "$" ";" "line1\nline2";
  greplace "\\b" "|" "hi there";
  greplace "a" "\\\\" "banana";
  greplace "a" "\\0\\0" "banana";
  greplace "a" "[\\n\\q]" "banana";
  greplace "a" "x\\" "banana";
  greplace "\\(a\\)" "\\2" "banana";
  greplace "a" "\\1" "banana";
  greplace "z" "\\1" "banana";
  greplace "[aeiou]" "" "education";
  greplace "\\([A-Z]\\)" "_\\1" "camelCaseString";
  rfirst "[0-9]+" "<\\0>" "a1b22c333";
  rfirst "q" "Q" "abc";
  rfirst "" "^" "abc";
  Printf.printf "case fold replace %S\n"
    (Str.global_replace (Str.regexp_case_fold "the") "THE" "The theme of the THEatre");
  Printf.printf "substitute %S\n"
    (Str.global_substitute (Str.regexp "[0-9]+")
       (fun s -> string_of_int (2 * int_of_string (Str.matched_string s))) "a1b22c333");
  Printf.printf "substitute_first %S\n"
    (Str.substitute_first (Str.regexp "\\([a-z]\\)\\([a-z]*\\)")
       (fun s -> String.uppercase_ascii (Str.matched_group 1 s) ^ Str.matched_group 2 s)
       "hello world");
  Printf.printf "capitalize words %S\n"
    (Str.global_substitute (Str.regexp "\\b\\([a-z]\\)")
       (fun s -> String.uppercase_ascii (Str.matched_group 1 s)) "the quick brown fox");
  (* replace_matched after a search *)
  let s = "key: value" in
  if Str.string_match (Str.regexp "\\([a-z]+\\): \\([a-z]+\\)") s 0 then
    Printf.printf "replace_matched %S\n" (Str.replace_matched "\\2 <- \\1 (\\0)" s);
  (* splitting *)
  let sp = Str.regexp "[ \t]+" in
  List.iter (fun s ->
      Printf.printf "split %S = %s\n" s (show_list (Str.split sp s));
      Printf.printf "split_delim %S = %s\n" s (show_list (Str.split_delim sp s));
      Printf.printf "full_split %S = %s\n" s (show_full (Str.full_split sp s)))
    [ "a b  c"; "  leading and trailing  "; ""; " "; "single"; "a\tb \t c" ];
  let comma = Str.regexp "," in
  List.iter (fun s ->
      Printf.printf "split , %S = %s / %s\n" s (show_list (Str.split comma s))
        (show_list (Str.split_delim comma s)))
    [ "a,b,,c"; ",a,"; ",,"; "," ];
  List.iter (fun n ->
      Printf.printf "bounded_split %d = %s\n" n (show_list (Str.bounded_split comma "a,b,c,d" n));
      Printf.printf "bounded_split_delim %d = %s\n" n
        (show_list (Str.bounded_split_delim comma ",a,b,c," n));
      Printf.printf "bounded_full_split %d = %s\n" n
        (show_full (Str.bounded_full_split comma ",a,b,c," n)))
    [ 0; 1; 2; 3; 10 ];
  Printf.printf "split empty re %s\n" (show_list (Str.split (Str.regexp "") "abc"));
  Printf.printf "split x* %s\n" (show_list (Str.split (Str.regexp "x*") "axbxxc"));
  Printf.printf "split_delim x* %s\n" (show_list (Str.split_delim (Str.regexp "x*") "axbxxc"));
  Printf.printf "full_split x* %s\n" (show_full (Str.full_split (Str.regexp "x*") "axbxxc"));
  Printf.printf "full_split groups %s\n"
    (show_full (Str.full_split (Str.regexp "\\(<\\)\\|\\(>\\)") "<a><b>c"));
  Printf.printf "split lines %s\n" (show_list (Str.split (Str.regexp "\n") "l1\nl2\n\nl4\n"));
  Printf.printf "split on ^ %s\n" (show_list (Str.split (Str.regexp "^") "l1\nl2\nl3"));
  Printf.printf "split words %s\n"
    (show_list (Str.split (Str.regexp "[^a-zA-Z0-9_]+") "Hello, world! It's 2024: a_b."));
  Printf.printf "split fold %s\n"
    (show_list (Str.split (Str.regexp_case_fold "and") "fishANDchipsAndpeasand"));
  (* string utilities *)
  Printf.printf "%S %S %S %S\n" (Str.string_before "abcdef" 2) (Str.string_after "abcdef" 2)
    (Str.first_chars "abcdef" 3) (Str.last_chars "abcdef" 3);
  (* a larger text: csv-ish processing *)
  let buf = Buffer.create 1024 in
  for i = 1 to 200 do
    Buffer.add_string buf (Printf.sprintf "row%d, %d ,value_%d\n" i (i * i) (i mod 7))
  done;
  let text = Buffer.contents buf in
  let lines = Str.split (Str.regexp "\n") text in
  let total = List.fold_left (fun acc l ->
      match Str.split (Str.regexp " *, *") l with
      | [_; n; _] -> acc + int_of_string n
      | _ -> acc) 0 lines in
  Printf.printf "lines %d total %d\n" (List.length lines) total;
  let r = Str.global_replace (Str.regexp "row\\([0-9]+\\), \\([0-9]+\\) ,value_\\([0-6]\\)")
      "\\3|\\1" text in
  Printf.printf "replaced length %d digest %s\n" (String.length r) (Digest.to_hex (Digest.string r));
  Printf.printf "last line %S\n" (List.nth (Str.split (Str.regexp "\n") r) 199)
