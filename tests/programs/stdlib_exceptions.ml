(* Stdlib exceptions: Not_found, Failure, Invalid_argument, Exit, Division_by_zero, End_of_file-free cases *)
let show f =
  match f () with
  | () -> print_endline "no exception"
  | exception Not_found -> print_endline "Not_found"
  | exception Failure s -> Printf.printf "Failure %S\n" s
  | exception Invalid_argument s -> Printf.printf "Invalid_argument %S\n" s
  | exception Exit -> print_endline "Exit"
  | exception Division_by_zero -> print_endline "Division_by_zero"
  | exception Stack.Empty -> print_endline "Stack.Empty"
  | exception Queue.Empty -> print_endline "Queue.Empty"

let () =
  show (fun () -> ignore (List.assoc 3 [ (1, "a") ]));
  show (fun () -> ignore (Hashtbl.find (Hashtbl.create 1) "k"));
  show (fun () -> ignore (List.find (fun x -> x > 5) [ 1; 2 ]));
  show (fun () -> ignore (String.index "abc" 'z'));
  show (fun () -> ignore (int_of_string "12x"));
  show (fun () -> ignore (float_of_string "nope"));
  show (fun () -> ignore (List.hd []));
  show (fun () -> ignore (List.tl []));
  show (fun () -> ignore (List.nth [ 1 ] 5));
  show (fun () -> ignore (List.nth [ 1 ] (-1)));
  show (fun () -> failwith "custom");
  show (fun () -> invalid_arg "custom arg");
  show (fun () -> ignore (Array.make (-1) 0));
  show (fun () -> ignore ([| 1; 2 |].(2)));
  show (fun () -> ignore ("abc".[3]));
  show (fun () -> ignore (String.sub "abc" 2 5));
  show (fun () -> ignore (Bytes.get (Bytes.create 2) 2));
  show (fun () -> ignore (Char.chr 300));
  show (fun () -> ignore (List.combine [ 1 ] [ 1; 2 ]));
  show (fun () -> ignore (Option.get None));
  show (fun () -> raise Exit);
  show (fun () -> ignore (1 / 0));
  show (fun () -> ignore (5 mod 0));
  show (fun () -> ignore (Stack.pop (Stack.create ())));
  show (fun () -> ignore (Queue.pop (Queue.create ())));
  show (fun () -> ignore (Array.sub [| 1; 2; 3 |] 1 5));
  show (fun () -> ignore (String.make (-2) 'x'));
  show (fun () -> ignore (int_of_string "0x1F" + 1))
