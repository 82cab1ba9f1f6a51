(* str_basic: Str matching and searching: groups, classes, alternation, repetition, anchors, word boundaries, case folding *)
let show_groups s n =
  let b = Buffer.create 32 in
  for i = 0 to n do
    (match Str.matched_group i s with
     | g -> Buffer.add_string b (Printf.sprintf " %d:%S@%d-%d" i g (Str.group_beginning i) (Str.group_end i))
     | exception Not_found -> Buffer.add_string b (Printf.sprintf " %d:-" i)
     | exception Invalid_argument m -> Buffer.add_string b (Printf.sprintf " %d:<%s>" i m))
  done;
  Buffer.contents b

let ngroups = ref 3

let test_match pat s pos =
  match Str.string_match (Str.regexp pat) s pos with
  | true -> Printf.printf "match %S %S %d:%s\n" pat s pos (show_groups s !ngroups)
  | false -> Printf.printf "match %S %S %d: no\n" pat s pos
  | exception Failure m -> Printf.printf "match %S: Failure %s\n" pat m
  | exception Invalid_argument m -> Printf.printf "match %S %S %d: Invalid_argument %s\n" pat s pos m

let test_search ?(fold = false) pat s pos =
  let re = if fold then Str.regexp_case_fold pat else Str.regexp pat in
  match Str.search_forward re s pos with
  | p -> Printf.printf "search %S %S %d: %d%s\n" pat s pos p (show_groups s !ngroups)
  | exception Not_found -> Printf.printf "search %S %S %d: Not_found\n" pat s pos
  | exception Invalid_argument m -> Printf.printf "search %S %S %d: Invalid_argument %s\n" pat s pos m

let test_back ?(fold = false) pat s pos =
  let re = if fold then Str.regexp_case_fold pat else Str.regexp pat in
  match Str.search_backward re s pos with
  | p -> Printf.printf "back %S %S %d: %d%s\n" pat s pos p (show_groups s !ngroups)
  | exception Not_found -> Printf.printf "back %S %S %d: Not_found\n" pat s pos
  | exception Invalid_argument m -> Printf.printf "back %S %S %d: Invalid_argument %s\n" pat s pos m

let test_partial pat s pos =
  match Str.string_partial_match (Str.regexp pat) s pos with
  | b -> Printf.printf "partial %S %S %d: %b%s\n" pat s pos b
           (if b then show_groups s 1 else "")
  | exception Invalid_argument m -> Printf.printf "partial: Invalid_argument %s\n" m

let all_matches ?(fold = false) pat s =
  let re = if fold then Str.regexp_case_fold pat else Str.regexp pat in
  let rec go pos acc =
    if pos > String.length s then List.rev acc
    else match Str.search_forward re s pos with
      | p ->
          let e = Str.match_end () in
          go (if e = p then e + 1 else e) (Str.matched_string s :: acc)
      | exception Not_found -> List.rev acc
  in
  Printf.printf "all %S in %S: [%s]\n" pat s
    (String.concat "; " (List.map (Printf.sprintf "%S") (go 0 [])))

let () =
  (* literals, dots, classes *)
  test_match "hello" "hello world" 0;
  test_match "hello" "say hello" 0;
  test_match "hello" "say hello" 4;
  test_match "h.llo" "hallo" 0;
  test_match "h.llo" "h\nllo" 0;
  test_match "[a-c]+x" "abcabcx" 0;
  test_match "[^a-c]+" "xyzabc" 0;
  test_match "[]a]+" "a]a]b" 0;
  test_match "[^]a]+" "bcd]" 0;
  test_match "[a-]+" "a-a-b" 0;
  test_match "[0-9a-fA-F]+" "DeadBeef42xyz" 0;
  (* repetition *)
  test_match "a*" "aaab" 0;
  test_match "a*" "bbb" 0;
  test_match "a+" "bbb" 0;
  test_match "ab?c" "ac" 0;
  test_match "ab?c" "abc" 0;
  test_match "ab?c" "abbc" 0;
  test_match "\\(ab\\)*c" "ababc" 0;
  test_match "\\(a*\\)*b" "aaab" 0;
  test_match "\\(a*\\)+b" "aaab" 0;
  test_match "\\(a?\\)*$" "aaa" 0;
  test_match "\\(x*\\)*y" "xxz" 0;
  test_match "a*a*a*b" "aaaaaaaaaaaaaaaaaaaab" 0;
  test_match ".*foo" "xfooyfooz" 0;
  test_match "\\(.*\\)\\(foo\\)\\(.*\\)" "xfooyfooz" 0;
  test_match "\\([a-z]+\\)\\([0-9]*\\)" "abc123def" 0;
  test_match "a**" "aaa" 0;
  test_match "a+?" "aaa" 0;
  (* alternation *)
  test_match "cat\\|dog" "dogs" 0;
  test_match "cat\\|dog" "cow" 0;
  test_match "\\(a\\|ab\\)\\(c\\|bcd\\)" "abcd" 0;
  test_match "\\(a\\|b\\)*c" "ababbac" 0;
  test_match "x\\(\\)y" "xy" 0;
  test_match "\\(\\(a\\)\\|\\(b\\)\\)+" "ab" 0;
  (* back references *)
  test_match "\\([a-z]+\\) \\1" "hello hello" 0;
  test_match "\\([a-z]+\\) \\1" "hello help" 0;
  test_match "\\(a\\)\\|b\\1" "b" 0;
  (* anchors *)
  test_search "^foo" "barfoo\nfoo" 0;
  test_search "bar$" "bar\nbarx bar" 1;
  test_search "^$" "ab\n\ncd" 0;
  test_search "$" "abc" 0;
  test_search "^" "abc" 1;
  test_back "^a" "a\nab\nb" 6;
  (* word boundaries *)
  test_search "\\bcat\\b" "concatenate cat category" 0;
  test_search "\\b" "  xy" 0;
  test_search "\\b" "" 0;
  test_search "\\b[a-z]+\\b" "123 \233t\233 abc" 0;
  test_search "o\\b" "foo_bar foo" 0;
  all_matches "\\b" "ab cd";
  (* case folding *)
  test_search ~fold:true "hello" "Say HeLLo" 0;
  test_search ~fold:true "[a-c]+" "xxABCabcD" 0;
  test_search ~fold:true "\\(ab\\)\\1" "xABab" 0;
  test_search ~fold:true "\xe9t\xe9" "L'\xc9T\xc9" 0;
  test_search ~fold:true "x" "AXB" 0;
  test_search ~fold:true "[^a]+" "AAbBAa" 0;
  test_search "hello" "Say HeLLo" 0;
  all_matches ~fold:true "a+" "xAaAyaaz";
  (* searching *)
  test_search "[0-9]+" "abc 123 def 4567" 0;
  test_search "[0-9]+" "abc 123 def 4567" 5;
  test_search "[0-9]+" "abc 123 def 4567" 8;
  test_search "[0-9]+" "abc" 0;
  test_search "" "abc" 3;
  test_search "x*" "abc" 1;
  test_search "a" "abc" 4;
  test_search "a" "abc" (-1);
  test_back "[0-9]+" "abc 123 def 4567" 16;
  test_back "[0-9]+" "abc 123 def 4567" 10;
  test_back "[0-9]+" "abc 123 def 4567" 2;
  test_back "c" "abc" 3;
  test_back "" "abc" 3;
  test_back "a\\|" "abc" 3;
  test_back "a" "abc" 5;
  all_matches "[a-z]+" "one two  three";
  all_matches "[0-9]*" "a1b22c";
  all_matches "\\(ab\\|a\\)\\(bc\\|c\\)?" "abcabac";
  (* partial matches *)
  test_partial "hello" "hel" 0;
  test_partial "hello" "hex" 0;
  test_partial "hello" "hello world" 0;
  test_partial "[0-9]+x" "123" 0;
  test_partial "a\\|bcd" "bc" 0;
  test_partial "\\bfoo" "" 0;
  test_partial "abc" "zab" 1;
  test_partial "a" "a" 2;
  (* groups that did not take part *)
  ngroups := 4;
  test_match "\\(a\\)\\|\\(b\\)" "b" 0;
  test_match "\\(a\\)?b" "b" 0;
  test_match "\\(a\\(b\\)?\\)+" "aba" 0;
  ngroups := 12;
  test_match "\\(a\\)\\(b\\)\\(c\\)\\(d\\)\\(e\\)\\(f\\)\\(g\\)\\(h\\)\\(i\\)\\(j\\)\\(k\\)" "abcdefghijk" 0;
  ngroups := 3;
  (* regexp_string, quote *)
  let q = Str.quote "a.b*c[d]^$\\+?" in
  Printf.printf "quote %S\n" q;
  Printf.printf "quote matches %b\n" (Str.string_match (Str.regexp q) "a.b*c[d]^$\\+?" 0);
  Printf.printf "regexp_string %b %b\n"
    (Str.string_match (Str.regexp_string "a.b") "a.b" 0)
    (Str.string_match (Str.regexp_string "a.b") "axb" 0);
  Printf.printf "regexp_string_case_fold %b\n"
    (Str.string_match (Str.regexp_string_case_fold "HeLLo") "hello" 0);
  Printf.printf "nul %b %b\n"
    (Str.string_match (Str.regexp "a\000b") "a\000b" 0)
    (Str.string_match (Str.regexp_string "ab\000cd\000") "ab\000cd\000" 0);
  (* malformed regexps *)
  List.iter (fun p ->
      match Str.regexp p with
      | _ -> Printf.printf "regexp %S ok\n" p
      | exception Failure m -> Printf.printf "regexp %S: Failure %s\n" p m)
    [ "\\(ab"; "ab\\)"; "[abc"; "a\\"; "*a"; "[]" ];
  (* strings built at run time (bytes objects) *)
  let s = String.concat "" (List.init 50 (fun i -> Printf.sprintf "<%d>" i)) in
  test_search "<\\([0-9]*7\\)>" s 0;
  test_back "<\\([0-9]*7\\)>" s (String.length s);
  (* long texts *)
  let big = String.make 20000 'a' ^ "b" in
  let ok = Str.string_match (Str.regexp "\\(a\\|c\\)*b") big 0 in
  Printf.printf "big %b %d\n" ok (Str.match_end ());
  let ok = Str.string_match (Str.regexp "\\(a*\\)*\\(b\\)") big 0 in
  Printf.printf "big nullable star %b %d %d\n" ok (Str.match_end ()) (Str.group_beginning 2);
  Printf.printf "big2 %d\n" (Str.search_forward (Str.regexp "ab") big 0);
  Printf.printf "group_beginning out of range: %s\n"
    (match Str.group_beginning 7 with _ -> "?" | exception Invalid_argument m -> m)
