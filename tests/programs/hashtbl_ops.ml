(* Hashtbl: add/find/find_opt/find_all/replace/remove/mem/length/fold/iter with sorted output, shadowing, reset, custom keys *)
let sorted_bindings h = List.sort compare (Hashtbl.fold (fun k v acc -> (k, v) :: acc) h [])

let () =
  let h = Hashtbl.create 16 in
  List.iter (fun (k, v) -> Hashtbl.add h k v) [ ("one", 1); ("two", 2); ("three", 3); ("four", 4) ];
  Printf.printf "len=%d find two=%d\n" (Hashtbl.length h) (Hashtbl.find h "two");
  Hashtbl.add h "two" 22;
  Printf.printf "after shadow: %d all=[%s] len=%d\n" (Hashtbl.find h "two") (String.concat ";" (List.map string_of_int (Hashtbl.find_all h "two"))) (Hashtbl.length h);
  Hashtbl.remove h "two";
  Printf.printf "after remove: %d\n" (Hashtbl.find h "two");
  Hashtbl.replace h "two" 200;
  Hashtbl.replace h "five" 5;
  Printf.printf "replace: %d len=%d\n" (Hashtbl.find h "two") (Hashtbl.length h);
  Printf.printf "mem=%b %b\n" (Hashtbl.mem h "five") (Hashtbl.mem h "six");
  Printf.printf "find_opt=%s\n" (match Hashtbl.find_opt h "six" with None -> "None" | Some v -> string_of_int v);
  List.iter (fun (k, v) -> Printf.printf "%s=%d " k v) (sorted_bindings h);
  print_newline ();
  let total = Hashtbl.fold (fun _ v acc -> acc + v) h 0 in
  Printf.printf "total=%d\n" total;
  let keys = ref [] in
  Hashtbl.iter (fun k _ -> keys := k :: !keys) h;
  print_endline (String.concat "," (List.sort compare !keys));
  Hashtbl.filter_map_inplace (fun _ v -> if v mod 2 = 0 then Some (v * 10) else None) h;
  List.iter (fun (k, v) -> Printf.printf "%s=%d " k v) (sorted_bindings h);
  print_newline ();
  (* integer keys, many entries, resizing *)
  let t = Hashtbl.create 1 in
  for i = 0 to 9999 do Hashtbl.replace t i (i * i mod 97) done;
  for i = 0 to 4999 do Hashtbl.remove t (i * 2) done;
  Printf.printf "int table len=%d sum=%d\n" (Hashtbl.length t) (Hashtbl.fold (fun _ v a -> a + v) t 0);
  (* word count *)
  let text = "the cat and the dog and the bird saw the cat" in
  let wc = Hashtbl.create 8 in
  List.iter (fun w -> Hashtbl.replace wc w (1 + Option.value ~default:0 (Hashtbl.find_opt wc w))) (String.split_on_char ' ' text);
  List.iter (fun (w, c) -> Printf.printf "%s:%d " w c) (List.sort (fun (a, x) (b, y) -> if x <> y then compare y x else compare a b) (sorted_bindings wc));
  print_newline ();
  (* tuple keys *)
  let g = Hashtbl.create 4 in
  Hashtbl.add g (1, 2) "a"; Hashtbl.add g (2, 1) "b";
  Printf.printf "%s %s\n" (Hashtbl.find g (1, 2)) (Hashtbl.find g (2, 1));
  let c = Hashtbl.copy g in
  Hashtbl.reset g;
  Printf.printf "after reset %d copy %d\n" (Hashtbl.length g) (Hashtbl.length c);
  let from_seq = Hashtbl.of_seq (List.to_seq [ (3, "c"); (1, "a"); (2, "b") ]) in
  print_endline (String.concat "" (List.map snd (sorted_bindings from_seq)))
