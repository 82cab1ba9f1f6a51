(* Closures capturing for-loop variables and loop-local bindings: each iteration gets its own value *)
let () =
  let fs = ref [] in
  for i = 1 to 5 do fs := (fun () -> i * 10) :: !fs done;
  List.iter (fun f -> Printf.printf "%d " (f ())) (List.rev !fs);
  print_newline ();
  let arr = Array.make 4 (fun () -> 0) in
  for i = 0 to 3 do
    let sq = i * i in
    arr.(i) <- (fun () -> sq + i)
  done;
  Array.iter (fun f -> Printf.printf "%d " (f ())) arr;
  print_newline ();
  let gs = ref [] in
  for i = 3 downto 1 do
    let r = ref i in
    gs := (fun () -> incr r; !r) :: !gs
  done;
  List.iter (fun g -> ignore (g ()); Printf.printf "%d " (g ())) !gs;
  print_newline ();
  (* while loop: closures capture the ref, so they all see the final value *)
  let k = ref 0 and hs = ref [] in
  while !k < 3 do hs := (fun () -> !k) :: !hs; incr k done;
  List.iter (fun h -> Printf.printf "%d " (h ())) !hs;
  print_newline ();
  (* nested loops capturing both indices *)
  let cells = ref [] in
  for r = 0 to 2 do for c = 0 to 2 do if r <> c then cells := (fun () -> Printf.sprintf "%d%d" r c) :: !cells done done;
  print_endline (String.concat " " (List.rev_map (fun f -> f ()) !cells));
  (* closure created in loop and called after loop with extra args *)
  let adders = Array.init 3 (fun _ -> fun x -> x) in
  for i = 0 to 2 do adders.(i) <- (fun x -> x + i) done;
  Printf.printf "%d %d %d\n" (adders.(0) 100) (adders.(1) 100) (adders.(2) 100)
