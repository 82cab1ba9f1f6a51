(* Uncaught exception: prints partial output, runs at_exit, then dies with "Fatal error: exception Failure(...)" on stderr and exit code 2 *)
let () =
  at_exit (fun () -> print_endline "at_exit still runs");
  print_endline "start";
  print_string "no newline before death";
  let l = [ 1; 2; 3 ] in
  let total = List.fold_left ( + ) 0 l in
  if total = 6 then failwith "boom";
  print_endline "not reached"
