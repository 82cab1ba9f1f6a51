(* Multi-module init order: main runs last and observes all registrations *)
let () =
  print_endline "main: start";
  List.iter (fun (name, f) -> Printf.printf "main: %s 3 = %d\n" name (f 3)) (List.rev !A.registry);
  Printf.printf "main: expensive=%d\n" (Lazy.force C.expensive);
  Printf.printf "main: expensive again=%d\n" (Lazy.force C.expensive);
  print_endline "main: end"
