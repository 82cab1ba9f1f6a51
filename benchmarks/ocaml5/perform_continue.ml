(* 1,000,000 perform/continue pairs through an Effect.Deep handler (OCaml 5). *)
open Effect
open Effect.Deep

type _ Effect.t += Tick : int -> int t

let n = 1_000_000

let () =
  let total =
    match_with
      (fun () ->
        let acc = ref 0 in
        for i = 1 to n do acc := (!acc + perform (Tick i)) land 0x3FFFFFFF done;
        !acc)
      ()
      { retc = (fun x -> x);
        exnc = raise;
        effc = (fun (type a) (e : a t) -> match e with
          | Tick i -> Some (fun (k : (a, _) continuation) -> continue k (i land 7))
          | _ -> None) }
  in
  Printf.printf "%d\n" total
