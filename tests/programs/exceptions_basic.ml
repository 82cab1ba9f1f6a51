(* Exceptions: raise and catch user-defined exceptions, exceptions as values, catch-all handlers *)
exception Oops
exception Bad_value of int
exception Pair of string * int

let check x = if x < 0 then raise (Bad_value x) else if x = 0 then raise Oops else x * 2

let test x =
  match check x with
  | v -> Printf.printf "ok %d\n" v
  | exception Oops -> print_endline "oops"
  | exception Bad_value v -> Printf.printf "bad %d\n" v

let () =
  List.iter test [ 5; 0; -3 ];
  (try raise (Pair ("abc", 42)) with Pair (s, n) -> Printf.printf "pair %s %d\n" s n);
  (try ignore (check 0) with _ -> print_endline "caught by wildcard");
  let e = Bad_value 7 in
  (try raise e with Bad_value n when n > 5 -> Printf.printf "guarded %d\n" n | Bad_value _ -> print_endline "unguarded");
  let exns = [ Oops; Bad_value 1; Pair ("x", 2); Not_found ] in
  List.iter
    (fun e ->
      print_endline
        (match e with Oops -> "Oops" | Bad_value n -> "Bad_value " ^ string_of_int n | Pair (s, _) -> "Pair " ^ s | _ -> "other"))
    exns;
  let r = try 1 + (if true then raise Exit else 0) with Exit -> -1 in
  Printf.printf "r=%d\n" r;
  let count = ref 0 in
  for i = 1 to 10 do
    try if i mod 3 = 0 then raise Oops else incr count with Oops -> count := !count + 100
  done;
  Printf.printf "count=%d\n" !count
