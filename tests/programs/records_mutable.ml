(* Mutable record fields: in-place update, shared references, mutable float records, records in arrays *)
type counter = { mutable count : int; label : string }
type vec = { mutable vx : float; mutable vy : float }
type node = { value : int; mutable next : node option }

let () =
  let c = { count = 0; label = "clicks" } in
  for _ = 1 to 7 do c.count <- c.count + 1 done;
  Printf.printf "%s=%d\n" c.label c.count;
  let alias = c in
  alias.count <- 100;
  Printf.printf "c.count=%d\n" c.count;
  let copy = { c with label = "copy" } in
  copy.count <- 5;
  Printf.printf "c=%d copy=%d\n" c.count copy.count;
  let v = { vx = 1.; vy = 2. } in
  for _ = 1 to 3 do v.vx <- v.vx *. 2.; v.vy <- v.vy +. 0.5 done;
  Printf.printf "v=(%g,%g)\n" v.vx v.vy;
  let arr = Array.init 5 (fun i -> { count = i; label = string_of_int i }) in
  Array.iter (fun r -> r.count <- r.count * r.count) arr;
  Array.iter (fun r -> Printf.printf "%s:%d " r.label r.count) arr;
  print_newline ();
  (* build a linked list with mutation, then make it cyclic and walk a bounded number of steps *)
  let n3 = { value = 3; next = None } in
  let n2 = { value = 2; next = Some n3 } in
  let n1 = { value = 1; next = Some n2 } in
  let rec walk n k acc = if k = 0 then List.rev acc else match n.next with None -> List.rev (n.value :: acc) | Some m -> walk m (k - 1) (n.value :: acc) in
  print_endline (String.concat "->" (List.map string_of_int (walk n1 10 [])));
  n3.next <- Some n1;
  print_endline (String.concat "->" (List.map string_of_int (walk n1 7 [])));
  let r = { count = 1; label = "x" } in
  let f () = r.count <- r.count * 3 in
  f (); f ();
  Printf.printf "r=%d\n" r.count
