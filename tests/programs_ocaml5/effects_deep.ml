(* Effect.Deep: state, generators, nested handlers with reperform, exceptions, discontinue, unhandled effects, one-shot continuations, deep recursion inside a handler *)
open Effect
open Effect.Deep
type _ Effect.t += Get : int t | Put : int -> unit t | Yield : int -> unit t

let run_state init f =
  let state = ref init in
  match_with f ()
    { retc = (fun x -> (x, !state));
      exnc = raise;
      effc = (fun (type a) (e : a t) -> match e with
        | Get -> Some (fun (k : (a, _) continuation) -> continue k (!state : int))
        | Put v -> Some (fun (k : (a, _) continuation) -> state := v; continue k ())
        | _ -> None) }

let gen () =
  let l = ref [] in
  try_with (fun () -> for i = 1 to 5 do perform (Yield i) done) ()
    { effc = (fun (type a) (e : a t) -> match e with
        | Yield i -> Some (fun (k : (a, _) continuation) -> l := i :: !l; continue k ())
        | _ -> None) };
  List.rev !l

exception Boom
let () =
  let (r, s) = run_state 10 (fun () -> let x = perform Get in perform (Put (x + 5)); x * 2) in
  Printf.printf "%d %d\n" r s;
  List.iter (Printf.printf "%d ") (gen ()); print_newline ();
  (* nested handlers with reperform *)
  let (r2, s2) = run_state 1 (fun () ->
     try_with (fun () -> perform (Put 42); perform (Yield 3); perform Get) ()
       { effc = (fun (type a) (e : a t) -> match e with
           | Yield _ -> Some (fun (k : (a, _) continuation) -> continue k ())
           | _ -> None) }) in
  Printf.printf "%d %d\n" r2 s2;
  (* exception through handler *)
  (match match_with (fun () -> raise Boom) () { retc = (fun _ -> "ret"); exnc = (fun e -> if e = Boom then "boom" else "?"); effc = (fun _ -> None) } with s -> print_endline s);
  (* discontinue *)
  let r3 = try_with (fun () -> try perform Get with Boom -> 99) ()
    { effc = (fun (type a) (e : a t) -> match e with Get -> Some (fun (k : (a, _) continuation) -> discontinue k Boom) | _ -> None) } in
  Printf.printf "%d\n" r3;
  (* unhandled *)
  (try ignore (perform Get) with Unhandled _ -> print_endline "unhandled");
  (* one-shot *)
  let saved = ref None in
  (try_with (fun () -> perform (Yield 1)) () { effc = (fun (type a) (e : a t) -> match e with Yield _ -> Some (fun (k : (a, _) continuation) -> saved := Some (Obj.magic k); continue k ()) | _ -> None) });
  (match !saved with Some k -> (try continue (k : (unit, unit) continuation) () with Continuation_already_resumed -> print_endline "already") | None -> ());
  (* deep recursion inside a handler *)
  let rec sum n = if n = 0 then perform Get else 1 + sum (n - 1) in
  let (r4, _) = run_state 7 (fun () -> sum 100000) in
  Printf.printf "%d\n" r4
