(* Hashtbl.hash values of ints, strings, chars, tuples and lists printed (must match the reference hashing), plus seeded_hash *)
let () =
  List.iter (fun n -> Printf.printf "hash %d = %d\n" n (Hashtbl.hash n)) [ 0; 1; 2; -1; 42; 1000; 65536; 1000000; -123456789; 1073741823 ];
  List.iter (fun s -> Printf.printf "hash %S = %d\n" s (Hashtbl.hash s)) [ ""; "a"; "b"; "ab"; "hello"; "Hello"; "hello world"; "The quick brown fox jumps over the lazy dog"; String.make 100 'x' ];
  List.iter (fun c -> Printf.printf "hash %C = %d\n" c (Hashtbl.hash c)) [ 'a'; 'Z' ];
  Printf.printf "hash true=%d false=%d unit=%d\n" (Hashtbl.hash true) (Hashtbl.hash false) (Hashtbl.hash ());
  Printf.printf "hash (1,2)=%d\n" (Hashtbl.hash (1, 2));
  Printf.printf "hash [1;2;3]=%d\n" (Hashtbl.hash [ 1; 2; 3 ]);
  Printf.printf "hash (\"a\", 1)=%d\n" (Hashtbl.hash ("a", 1));
  Printf.printf "hash Some 5=%d None=%d\n" (Hashtbl.hash (Some 5)) (Hashtbl.hash None);
  Printf.printf "seeded 1 \"abc\"=%d seeded 2 \"abc\"=%d\n" (Hashtbl.seeded_hash 1 "abc") (Hashtbl.seeded_hash 2 "abc");
  Printf.printf "hash_param=%d\n" (Hashtbl.hash_param 2 2 [ 1; 2; 3; 4 ]);
  Printf.printf "equal values equal hashes: %b\n" (Hashtbl.hash ("x" ^ "y") = Hashtbl.hash "xy")
