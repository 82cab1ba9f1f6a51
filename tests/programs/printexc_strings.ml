(* Printexc.to_string on builtin and user exceptions (constant, with args, records), and register_printer *)
exception Plain
exception With_int of int
exception With_args of string * int * float
exception With_list of int list
exception Custom of string
module Inner = struct exception Nested of bool end

let () =
  let exns =
    [ Not_found; Failure "oops"; Invalid_argument "bad arg"; Division_by_zero; End_of_file; Exit; Stack_overflow; Out_of_memory;
      Sys_error "no such file"; Match_failure ("file.ml", 10, 4); Assert_failure ("other.ml", 3, 12); Undefined_recursive_module ("m.ml", 1, 2);
      Sys_blocked_io; Plain; With_int 42; With_int (-3); With_args ("s\"q", 7, 1.5); With_list [ 1; 2 ]; Inner.Nested true; Lazy.Undefined;
      Stack.Empty; Queue.Empty; Scanf.Scan_failure "scan" ]
  in
  List.iter (fun e -> print_endline (Printexc.to_string e)) exns;
  Printexc.register_printer (function Custom s -> Some ("Custom printer: " ^ s) | _ -> None);
  print_endline (Printexc.to_string (Custom "hello"));
  print_endline (Printexc.to_string (With_int 1));
  (match Printexc.to_string_default (Custom "x") with s -> print_endline s);
  (try assert (1 + 1 = 3) with e -> print_endline (Printexc.to_string e));
  let f x = match x with 1 -> "one" | 2 -> "two" [@@warning "-8"] in
  (try ignore (f 3) with e -> print_endline (Printexc.to_string e));
  print_endline (Printexc.exn_slot_name Plain);
  print_endline (Printexc.exn_slot_name (With_int 0))
