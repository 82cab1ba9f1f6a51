(* Exceptions while forcing lazy values: the exception is re-raised on every force; Lazy.Undefined on recursive force *)
exception Boom of int

let attempts = ref 0
let bad = lazy (incr attempts; raise (Boom !attempts))

let rec self_ref = lazy (Lazy.force self_ref + 1)

let () =
  for _ = 1 to 3 do
    match Lazy.force bad with
    | _ -> print_endline "unexpected"
    | exception Boom n -> Printf.printf "Boom %d (attempts=%d)\n" n !attempts
  done;
  Printf.printf "is_val=%b\n" (Lazy.is_val bad);
  (match Lazy.force self_ref with
  | n -> Printf.printf "value %d\n" n
  | exception Lazy.Undefined -> print_endline "Lazy.Undefined");
  let flag = ref true in
  let sometimes = lazy (if !flag then failwith "first time" else "ok") in
  (try print_endline (Lazy.force sometimes) with Failure m -> Printf.printf "failed: %s\n" m);
  flag := false;
  (try print_endline (Lazy.force sometimes) with Failure m -> Printf.printf "failed again: %s\n" m);
  let nested = lazy (Lazy.force (lazy (raise Not_found))) in
  (try ignore (Lazy.force nested) with Not_found -> print_endline "nested Not_found")
