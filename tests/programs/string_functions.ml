(* String module functions: split_on_char, index, rindex, sub, concat, trim, uppercase, contains, map, starts_with, equal *)
let show_list l = "[" ^ String.concat "|" l ^ "]"

let () =
  print_endline (show_list (String.split_on_char ',' "a,b,,c,"));
  print_endline (show_list (String.split_on_char ' ' "  two  spaces "));
  print_endline (show_list (String.split_on_char ';' ""));
  Printf.printf "%d %d\n" (String.index "hello" 'l') (String.rindex "hello" 'l');
  Printf.printf "%d\n" (String.index_from "hello world" 5 'o');
  Printf.printf "%d\n" (String.rindex_from "hello world" 5 'o');
  (match String.index_opt "abc" 'z' with None -> print_endline "none" | Some i -> print_int i);
  (match String.rindex_opt "abcabc" 'b' with None -> () | Some i -> Printf.printf "rindex_opt %d\n" i);
  print_endline (String.sub "hello world" 3 5);
  print_endline (String.concat ", " [ "x"; "y"; "z" ]);
  Printf.printf "[%s] [%s] [%s]\n" (String.trim "  padded \t\n") (String.trim "") (String.trim "no-pad");
  print_endline (String.uppercase_ascii "Mixed Case 123");
  print_endline (String.lowercase_ascii "Mixed Case 123");
  print_endline (String.capitalize_ascii "hello");
  print_endline (String.uncapitalize_ascii "HELLO");
  Printf.printf "%b %b\n" (String.contains "hello" 'e') (String.contains "hello" 'z');
  Printf.printf "%b %b\n" (String.contains_from "hello" 2 'e') (String.rcontains_from "hello" 2 'e');
  print_endline (String.map (fun c -> if c = 'a' then 'A' else c) "banana");
  print_endline (String.mapi (fun i c -> if i mod 2 = 0 then Char.uppercase_ascii c else c) "alternate");
  Printf.printf "%b %b\n" (String.starts_with ~prefix:"hel" "hello") (String.ends_with ~suffix:"llo" "hello");
  Printf.printf "%b %b\n" (String.equal "a" "a") (String.equal "a" "b");
  print_endline (String.escaped "tab\tnl\nquote\"bs\\bell\007");
  Printf.printf "exists=%b for_all=%b\n" (String.exists (fun c -> c = 'x') "abxc") (String.for_all (fun c -> c <> ' ') "a b");
  Printf.printf "fold_right=%s\n" (String.fold_right (fun c acc -> acc ^ String.make 1 c) "abc" "");
  let words = String.split_on_char ' ' "the quick brown fox" in
  print_endline (String.concat " " (List.map String.capitalize_ascii words));
  print_endline (String.concat "" (List.rev (List.map (fun w -> String.make 1 w.[0]) words)));
  let s = "a-b-c" in
  Printf.printf "%s\n" (String.concat "+" (String.split_on_char '-' s));
  Printf.printf "blit: %s\n" (let b = Bytes.of_string "xxxxxx" in String.blit "abc" 0 b 2 3; Bytes.to_string b);
  Printf.printf "%s\n" (String.of_seq (List.to_seq [ 'o'; 'k' ]));
  print_endline (String.concat "," (List.map (fun c -> String.make 1 c) (List.of_seq (String.to_seq "xyz"))))
