(* Array module: make/init/get/set, map/mapi/iter/fold, blit/sub/append/concat, sort/stable_sort, to_list/of_list, exists/mem *)
let pa a = print_endline ("[|" ^ String.concat "; " (Array.to_list (Array.map string_of_int a)) ^ "|]")

let () =
  let a = Array.init 10 (fun i -> (i * 37) mod 11) in
  pa a;
  a.(0) <- 100;
  Array.set a 1 200;
  Printf.printf "get %d %d len %d\n" a.(0) (Array.get a 1) (Array.length a);
  pa (Array.map (fun x -> x + 1) a);
  pa (Array.mapi (fun i x -> i - x) a);
  Printf.printf "fold_left=%d fold_right=%s\n" (Array.fold_left ( + ) 0 a) (Array.fold_right (fun x acc -> acc ^ "," ^ string_of_int x) [| 1; 2; 3 |] "");
  let s = Array.copy a in
  Array.sort compare s;
  pa s;
  pa a;
  let st = [| (3, "a"); (1, "b"); (3, "c"); (1, "d"); (2, "e") |] in
  Array.stable_sort (fun (x, _) (y, _) -> compare x y) st;
  Array.iter (fun (n, s) -> Printf.printf "%d%s " n s) st;
  print_newline ();
  let b = Array.make 8 0 in
  Array.blit a 2 b 1 4;
  pa b;
  Array.blit b 0 b 2 5;
  pa b;
  pa (Array.sub a 3 4);
  pa (Array.append [| 1; 2 |] [| 3 |]);
  pa (Array.concat [ [| 1 |]; [||]; [| 2; 3 |] ]);
  Array.fill b 0 3 (-1);
  pa b;
  pa (Array.of_list [ 9; 8; 7 ]);
  Printf.printf "%d\n" (List.length (Array.to_list (Array.make 5 'x')));
  Printf.printf "exists=%b for_all=%b mem=%b memq=%b\n" (Array.exists (fun x -> x > 150) a) (Array.for_all (fun x -> x >= 0) a) (Array.mem 200 a) (Array.memq 5 [| 5 |]);
  Array.iteri (fun i x -> if i < 3 then Printf.printf "%d:%d " i x) a;
  print_newline ();
  Array.iter2 (fun x y -> Printf.printf "%d " (x * y)) [| 1; 2; 3 |] [| 4; 5; 6 |];
  print_newline ();
  pa (Array.map2 ( - ) [| 10; 20 |] [| 1; 2 |]);
  Printf.printf "empty len=%d\n" (Array.length [||]);
  let fa = Array.make 3 1.5 in
  fa.(1) <- 2.5;
  Printf.printf "float array sum=%.1f\n" (Array.fold_left ( +. ) 0. fa);
  let fl = Array.init 4 float_of_int in
  Printf.printf "%s\n" (String.concat "," (Array.to_list (Array.map string_of_float fl)));
  (match Array.find_opt (fun x -> x > 5) [| 1; 7; 9 |] with Some x -> Printf.printf "find_opt %d\n" x | None -> ());
  let big = Array.init 20000 (fun i -> (i * 7) mod 1000) in
  Array.sort compare big;
  Printf.printf "big %d %d %d\n" big.(0) big.(10000) big.(19999);
  let pairs = Array.combine [| 1; 2 |] [| "a"; "b" |] in
  let xs, ys = Array.split pairs in
  Printf.printf "%d %s\n" (Array.fold_left ( + ) 0 xs) (String.concat "" (Array.to_list ys))
