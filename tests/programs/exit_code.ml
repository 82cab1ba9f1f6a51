(* Explicit exit with code 3: stdout is flushed, at_exit handlers run, code after exit never runs *)
let () =
  at_exit (fun () -> print_endline "at_exit handler ran");
  print_endline "before exit";
  print_string "unflushed text is flushed at exit";
  let f () = if true then exit 3 else () in
  f ();
  print_endline "never printed"
