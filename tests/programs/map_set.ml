(* Map and Set via functors: Map.Make/Set.Make with custom ordering, add/find/remove/fold/union/inter/diff/filter/partition *)
module SM = Map.Make (String)
module IS = Set.Make (Int)
module PairOrd = struct type t = int * string let compare (a, s) (b, t) = match compare b a with 0 -> compare s t | c -> c end
module PS = Set.Make (PairOrd)

let ps s = print_endline ("{" ^ String.concat "," (List.map string_of_int (IS.elements s)) ^ "}")

let () =
  let m = List.fold_left (fun m (k, v) -> SM.add k v m) SM.empty [ ("banana", 3); ("apple", 5); ("cherry", 7); ("apple", 6) ] in
  SM.iter (fun k v -> Printf.printf "%s=%d " k v) m;
  print_newline ();
  Printf.printf "card=%d find=%d mem=%b\n" (SM.cardinal m) (SM.find "cherry" m) (SM.mem "date" m);
  let m2 = SM.remove "banana" m in
  Printf.printf "bindings=%s\n" (String.concat ";" (List.map (fun (k, v) -> k ^ ":" ^ string_of_int v) (SM.bindings m2)));
  let m3 = SM.map (fun v -> v * 100) m in
  Printf.printf "fold=%d\n" (SM.fold (fun _ v acc -> acc + v) m3 0);
  let m4 = SM.update "apple" (function Some v -> Some (v + 1) | None -> Some 0) m in
  let m4 = SM.update "zzz" (function Some v -> Some v | None -> Some 42) m4 in
  let m4 = SM.update "banana" (fun _ -> None) m4 in
  SM.iter (fun k v -> Printf.printf "%s=%d " k v) m4;
  print_newline ();
  (match SM.min_binding m, SM.max_binding m with (k1, _), (k2, _) -> Printf.printf "min=%s max=%s\n" k1 k2);
  Printf.printf "find_opt=%s\n" (match SM.find_opt "nope" m with None -> "None" | Some _ -> "Some");
  let merged = SM.union (fun _ a b -> Some (a + b)) m m4 in
  SM.iter (fun k v -> Printf.printf "%s=%d " k v) merged;
  print_newline ();
  let filtered = SM.filter (fun k _ -> String.length k > 5) m in
  Printf.printf "filtered=%d\n" (SM.cardinal filtered);
  let a = IS.of_list [ 5; 1; 9; 3; 7; 1 ] and b = IS.of_list [ 2; 3; 4; 5 ] in
  ps a; ps b; ps (IS.union a b); ps (IS.inter a b); ps (IS.diff a b);
  Printf.printf "mem=%b subset=%b card=%d min=%d max=%d\n" (IS.mem 9 a) (IS.subset (IS.of_list [ 1; 3 ]) a) (IS.cardinal a) (IS.min_elt a) (IS.max_elt a);
  let evens, odds = IS.partition (fun x -> x mod 2 = 0) (IS.union a b) in
  ps evens; ps odds;
  ps (IS.filter (fun x -> x > 3) a);
  ps (IS.map (fun x -> x * x) a);
  Printf.printf "fold=%d\n" (IS.fold ( + ) a 0);
  let big = List.fold_left (fun s x -> IS.add (x * 37 mod 1009) s) IS.empty (List.init 5000 Fun.id) in
  Printf.printf "big card=%d\n" (IS.cardinal big);
  let p = PS.of_list [ (1, "b"); (3, "a"); (1, "a"); (2, "z") ] in
  PS.iter (fun (n, s) -> Printf.printf "(%d,%s)" n s) p;
  print_newline ();
  Printf.printf "equal=%b compare=%d\n" (IS.equal a (IS.of_list [ 1; 3; 5; 7; 9 ])) (IS.compare a b)
