(* Exceptions carrying arguments: tuples, records, lists, polymorphic payloads via closures, local exceptions *)
type info = { code : int; msg : string }
exception Err of info
exception Multi of int * string * float
exception Lst of int list
exception Fn of (int -> int)
exception Inline of { line : int; file : string }

let () =
  (try raise (Err { code = 404; msg = "not found" }) with Err { code; msg } -> Printf.printf "%d %s\n" code msg);
  (try raise (Multi (1, "two", 3.5)) with Multi (a, b, c) -> Printf.printf "%d %s %.1f\n" a b c);
  (try raise (Lst [ 1; 2; 3 ]) with Lst l -> Printf.printf "sum=%d\n" (List.fold_left ( + ) 0 l));
  (try raise (Fn (fun x -> x * 7)) with Fn f -> Printf.printf "fn=%d\n" (f 6));
  (try raise (Inline { line = 12; file = "a.ml" }) with Inline r -> Printf.printf "%s:%d\n" r.file r.line);
  (* local exceptions are distinct on every evaluation *)
  let make () =
    let exception Local of int in
    ((fun n -> raise (Local n)), fun f -> try f () with Local n -> n)
  in
  let raise1, catch1 = make () in
  let _, catch2 = make () in
  Printf.printf "same=%d\n" (catch1 (fun () -> raise1 5));
  (try Printf.printf "other=%d\n" (catch2 (fun () -> raise1 6)) with _ -> print_endline "escaped other handler");
  let module M = struct exception X of string end in
  (try raise (M.X "module-local") with M.X s -> print_endline s);
  (* exception with a mutable payload *)
  let r = ref 0 in
  (try r := 1; raise (Lst [ !r ]) with Lst [ x ] -> Printf.printf "x=%d\n" x | Lst _ -> ())
