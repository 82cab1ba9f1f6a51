(* for loops (up/downto, empty ranges), while loops, nested loops with early exit via exceptions *)
let () =
  for i = 1 to 5 do Printf.printf "%d " i done;
  print_newline ();
  for i = 5 downto 1 do Printf.printf "%d " i done;
  print_newline ();
  for _ = 1 to 0 do print_string "never" done;
  for _ = 0 downto 1 do print_string "never" done;
  let n = ref 0 in
  for _ = 10 to 10 do incr n done;
  Printf.printf "single=%d\n" !n;
  let i = ref 0 and total = ref 0 in
  while !i < 100 do
    total := !total + !i;
    i := !i + 3
  done;
  Printf.printf "while total=%d i=%d\n" !total !i;
  (* collatz with while *)
  let steps x = let x = ref x and s = ref 0 in while !x <> 1 do (x := if !x mod 2 = 0 then !x / 2 else 3 * !x + 1); incr s done; !s in
  Printf.printf "collatz 27 = %d\n" (steps 27);
  (* nested loops: multiplication table *)
  for r = 1 to 4 do
    for c = 1 to 6 do Printf.printf "%3d" (r * c) done;
    print_newline ()
  done;
  (* search with early exit *)
  let found = ref None in
  (try
     for a = 1 to 20 do
       for b = a to 20 do
         let c2 = (a * a) + (b * b) in
         let c = int_of_float (sqrt (float_of_int c2)) in
         if c * c = c2 && a > 5 then begin found := Some (a, b, c); raise Exit end
       done
     done
   with Exit -> ());
  (match !found with Some (a, b, c) -> Printf.printf "triple %d %d %d\n" a b c | None -> print_endline "none");
  (* loop bounds evaluated once *)
  let hi = ref 3 in
  let count = ref 0 in
  for _ = 1 to !hi do incr hi; incr count done;
  Printf.printf "count=%d hi=%d\n" !count !hi;
  let j = ref 0 in
  while (incr j; !j < 5) do () done;
  Printf.printf "j=%d\n" !j
