(* gc_finalise: Gc.finalise / finalise_last / finalise_release: which values are accepted, order (reverse registration, finalise before finalise_last), the value given back, values kept alive, exceptions raised by finalisers, re-registration, alarms *)
let say fmt = Printf.ksprintf print_endline fmt

let accepted name v =
  match Gc.finalise (fun _ -> ()) v with
  | () -> say "%s: accepted" name
  | exception Invalid_argument m -> say "%s: Invalid_argument %s" name m

let accepted_last name v =
  match Gc.finalise_last (fun () -> ()) v with
  | () -> say "%s: accepted" name
  | exception Invalid_argument m -> say "%s: Invalid_argument %s" name m

let only_first name = let r = ref name in Gc.finalise (fun r -> say "finalise %s" !r) r
let only_last name = let r = ref name in Gc.finalise_last (fun () -> say "finalise_last %s" name) r

(* lines whose timing differs between runtimes (and OCaml versions) are
   printed at the end, sorted *)
let log = ref []
let note fmt = Printf.ksprintf (fun s -> log := s :: !log) fmt

let both name =
  let r = ref name in
  Gc.finalise_last (fun () -> note "both: last %s" name) r;
  Gc.finalise (fun r -> note "both: first %s" !r) r

let closure n =
  let f x = x + n in
  Gc.finalise_last (fun () -> note "closure %d" n) f

let bytes_and_int64 () =
  Gc.finalise (fun b -> note "bytes %s" (Bytes.to_string b)) (Bytes.of_string "xyz");
  Gc.finalise (fun i -> note "int64 %Ld" i) (Int64.add 40000000000L (Int64.of_int (Sys.opaque_identity 2)))

(* (registered in a function: a dead local of the running Lua function
   still holds its value) *)
let keep = ref None
let keep_one name = let r = ref name in keep := Some r; Gc.finalise (fun r -> say "finalise %s" !r) r

let () =
  accepted "int" 3;
  accepted "float" 3.5;
  accepted "char" 'c';
  accepted "none" None;
  accepted "lazy" (lazy (print_string ""));
  accepted "string" (String.make 3 'x');
  accepted "literal" "abc";
  accepted "bytes" (Bytes.create 3);
  accepted "empty bytes" (Bytes.create 0);
  accepted "empty array" [||];
  accepted "array" [| 1; 2 |];
  accepted "float array" [| 1.0; 2.0 |];
  accepted "ref" (ref 1);
  accepted "closure" (fun x -> x + 1);
  accepted "int64" 5L;
  accepted "list" [ 1 ];
  accepted "some" (Some 3);
  accepted "exception" Not_found;
  accepted "tuple" (1, 2);
  accepted_last "last int" 3;
  accepted_last "last ref" (ref 3);
  accepted_last "last lazy" (lazy 3);
  (* values that die together: reverse order of registration *)
  only_first "a"; only_first "b"; only_first "c";
  Gc.full_major ();
  say "--";
  only_last "d"; only_last "e"; only_last "f";
  Gc.full_major ();
  say "--";
  (* a value still reachable is not finalised *)
  keep_one "kept";
  Gc.full_major ();
  say "still alive";
  keep := None;
  Gc.full_major ();
  say "--";
  (* an exception from a finaliser leaves the Gc function once the others ran *)
  let mk n raise_it =
    let r = ref n in
    Gc.finalise (fun r -> say "finaliser %d" !r; if raise_it then failwith (string_of_int !r)) r
  in
  mk 1 false; mk 2 true; mk 3 false;
  (match Gc.full_major () with
   | () -> say "no exception"
   | exception Failure m -> say "Failure %s from full_major" m);
  Gc.full_major ();
  say "--";
  (* finalisers registered again by a finaliser *)
  let rec reg n r = Gc.finalise (fun r -> note "again %d" n; if n < 3 then reg (n + 1) r) r in
  reg 1 (ref 0);
  both "g";
  closure 7;
  bytes_and_int64 ();
  let alarm_ran = ref false in
  let alarm = Gc.create_alarm (fun () -> alarm_ran := true) in
  for _ = 1 to 4 do Gc.full_major () done;
  Gc.delete_alarm alarm;
  List.iter print_endline (List.sort compare !log);
  say "alarm ran: %b" !alarm_ran;
  say "--";
  (* finalise_release lets the next finaliser run inside this one *)
  let release () =
    let a = ref "second" in
    Gc.finalise (fun r -> say "in %s" !r) a;
    let b = ref "first" in
    Gc.finalise (fun r -> say "start %s" !r; Gc.finalise_release (); Gc.minor (); say "end %s" !r) b
  in
  release ();
  Gc.full_major ();
  say "end"
