(* Effect.Shallow: a cooperative scheduler of fibers and a producer/consumer pipeline *)
open Effect
open Effect.Shallow

type _ Effect.t += Yield : unit t | Emit : int -> unit t

let run_scheduler tasks =
  let queue = Queue.create () in
  let rec spawn f = Queue.push (fun () -> start f) queue
  and start f =
    continue_with (fiber f) () handler
  and handler = {
    retc = (fun () -> next ());
    exnc = (fun e -> print_endline ("task failed: " ^ Printexc.to_string e); next ());
    effc = (fun (type a) (e : a t) -> match e with
      | Yield -> Some (fun (k : (a, unit) continuation) ->
          Queue.push (fun () -> continue_with k () handler) queue; next ())
      | _ -> None) }
  and next () = if Queue.is_empty queue then () else (Queue.pop queue) () in
  List.iter spawn tasks;
  next ()

let task name n () =
  for i = 1 to n do Printf.printf "%s %d\n" name i; perform Yield done

let () =
  run_scheduler [task "a" 3; task "b" 2; (fun () -> perform Yield; failwith "oops"); task "c" 1]

let () =
  let rec consume k acc =
    continue_with k () {
      retc = (fun () -> acc);
      exnc = raise;
      effc = (fun (type a) (e : a t) -> match e with
        | Emit n -> Some (fun (k : (a, unit) continuation) -> consume k (acc + n))
        | _ -> None) } in
  let producer () = for i = 1 to 100 do perform (Emit i) done in
  Printf.printf "sum %d\n" (consume (fiber producer) 0)

(* a generator over a tree with Deep handlers inside Shallow ones *)
type tree = Leaf | Node of tree * int * tree
let rec make d = if d = 0 then Leaf else Node (make (d - 1), d, make (d - 1))
let () =
  let rec walk = function Leaf -> () | Node (l, v, r) -> walk l; perform (Emit v); walk r in
  let count = ref 0 and total = ref 0 in
  Effect.Deep.match_with walk (make 10)
    { retc = (fun () -> ()); exnc = raise;
      effc = (fun (type a) (e : a t) -> match e with
        | Emit v -> Some (fun (k : (a, _) Effect.Deep.continuation) -> incr count; total := !total + v;
                                Effect.Deep.continue k ())
        | _ -> None) };
  Printf.printf "%d nodes, total %d\n" !count !total
