(* List module: map/iter/fold/filter/find/assoc/partition/split/combine/rev/init/nth/mem/exists/for_all/concat_map/filter_map *)
let pl l = print_endline ("[" ^ String.concat "; " (List.map string_of_int l) ^ "]")

let () =
  let l = [ 5; 3; 8; 1; 9; 2; 7 ] in
  pl l;
  pl (List.map (fun x -> x * 2) l);
  pl (List.mapi (fun i x -> i * x) l);
  pl (List.rev l);
  pl (List.filter (fun x -> x mod 2 = 1) l);
  pl (List.init 6 (fun i -> i * i));
  pl (l @ [ 100; 200 ]);
  pl (List.concat [ [ 1 ]; []; [ 2; 3 ]; [ 4 ] ]);
  pl (List.flatten [ [ 9; 8 ]; [ 7 ] ]);
  pl (List.concat_map (fun x -> [ x; -x ]) [ 1; 2; 3 ]);
  pl (List.filter_map (fun x -> if x > 4 then Some (x * 10) else None) l);
  Printf.printf "len=%d hd=%d nth3=%d\n" (List.length l) (List.hd l) (List.nth l 3);
  Printf.printf "sum=%d prod=%d\n" (List.fold_left ( + ) 0 l) (List.fold_right ( * ) [ 1; 2; 3; 4 ] 1);
  Printf.printf "fold_right order: %s\n" (List.fold_right (fun x acc -> acc ^ string_of_int x) [ 1; 2; 3 ] "");
  Printf.printf "mem=%b %b exists=%b for_all=%b\n" (List.mem 8 l) (List.mem 4 l) (List.exists (fun x -> x > 8) l) (List.for_all (fun x -> x > 0) l);
  Printf.printf "find=%d find_opt=%s\n" (List.find (fun x -> x > 5) l) (match List.find_opt (fun x -> x > 50) l with None -> "None" | Some x -> string_of_int x);
  let evens, odds = List.partition (fun x -> x mod 2 = 0) l in
  pl evens; pl odds;
  let pairs = List.combine [ 1; 2; 3 ] [ "a"; "b"; "c" ] in
  List.iter (fun (n, s) -> Printf.printf "%d%s " n s) pairs;
  print_newline ();
  let ns, ss = List.split pairs in
  pl ns; print_endline (String.concat "" ss);
  let assoc = [ ("x", 1); ("y", 2); ("x", 3) ] in
  Printf.printf "assoc x=%d mem_assoc z=%b\n" (List.assoc "x" assoc) (List.mem_assoc "z" assoc);
  Printf.printf "remove_assoc: %d\n" (List.length (List.remove_assoc "x" assoc));
  Printf.printf "assq_opt: %s\n" (match List.assoc_opt "y" assoc with Some v -> string_of_int v | None -> "-");
  pl (List.rev_append [ 1; 2; 3 ] [ 4; 5 ]);
  List.iter2 (fun a b -> Printf.printf "%d " (a * b)) [ 1; 2; 3 ] [ 4; 5; 6 ];
  print_newline ();
  pl (List.map2 ( + ) [ 1; 2 ] [ 10; 20 ]);
  Printf.printf "fold_left2=%d\n" (List.fold_left2 (fun acc a b -> acc + (a * b)) 0 [ 1; 2; 3 ] [ 4; 5; 6 ]);
  Printf.printf "compare_lengths=%d %d\n" (List.compare_lengths [ 1 ] [ 1; 2 ]) (List.compare_length_with [ 1; 2 ] 2);
  pl (List.filteri (fun i _ -> i mod 2 = 0) l);
  let acc, mapped = List.fold_left_map (fun acc x -> (acc + x, acc)) 0 [ 1; 2; 3; 4 ] in
  Printf.printf "fold_left_map %d " acc; pl mapped;
  Printf.printf "equal=%b\n" (List.equal ( = ) [ 1; 2 ] [ 1; 2 ]);
  pl (List.find_all (fun x -> x > 4) l);
  Printf.printf "init_big=%d\n" (List.length (List.init 100000 Fun.id))
