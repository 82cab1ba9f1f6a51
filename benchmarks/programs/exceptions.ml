(* Exceptions as control flow: raise in loops, Not_found lookups, raise through frames. *)
(* bench: quick=100000 *)
exception Found of int
exception Skip

let find_first p a =
  try
    Array.iter (fun x -> if p x then raise (Found x)) a;
    -1
  with Found x -> x

let rec deep n = if n = 0 then raise Skip else 1 + deep (n - 1)

let () =
  let n = if Array.length Sys.argv > 1 then int_of_string Sys.argv.(1) else 1_400_000 in
  let a = Array.init 16 (fun i -> i * 3) in
  let assoc = List.init 20 (fun i -> (i * 2, i)) in
  let tbl = Hashtbl.create 16 in
  for i = 0 to 15 do Hashtbl.replace tbl (i * 3) i done;
  let s = ref 0 in
  for i = 1 to n do
    s := !s + find_first (fun x -> x > i land 31) a;
    (match List.assoc (i land 63) assoc with v -> s := !s + v | exception Not_found -> s := !s + 1);
    (try s := !s + Hashtbl.find tbl (i land 15) with Not_found -> incr s);
    (try s := !s + deep (i land 7) with Skip -> s := !s + 2);
    (try if i land 3 = 0 then failwith "odd" else s := !s + 1 with Failure m -> s := !s + String.length m);
    s := !s land 0x3FFFFFFF
  done;
  Printf.printf "exceptions checksum = %d\n" !s
