(* at_exit: registered functions run in reverse order at normal program termination, after the main code *)
let () =
  at_exit (fun () -> print_endline "at_exit 1 (registered first, runs last)");
  at_exit (fun () -> print_endline "at_exit 2");
  at_exit (fun () ->
      print_endline "at_exit 3 (registered last, runs first)";
      at_exit (fun () -> print_endline "registered during exit"));
  print_string "main body without newline...";
  print_newline ();
  print_endline "main body done"
