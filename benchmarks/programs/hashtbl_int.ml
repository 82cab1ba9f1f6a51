(* Hashtbl with int keys: add, replace, find, find_opt, mem, remove, fold. *)
(* bench: quick=2 *)
let () =
  let n = if Array.length Sys.argv > 1 then int_of_string Sys.argv.(1) else 18 in
  let total = ref 0 in
  for it = 1 to n do
    let t = Hashtbl.create 16 in
    let seed = ref it in
    for _ = 1 to 100_000 do
      seed := ((!seed * 69069) + 1) land 0x3FFFFFFF;
      let k = !seed lsr 14 in
      match Hashtbl.find_opt t k with
      | None -> Hashtbl.add t k 1
      | Some c -> Hashtbl.replace t k (c + 1)
    done;
    let hits = ref 0 in
    for k = 0 to 65535 do
      if Hashtbl.mem t k then hits := !hits + Hashtbl.find t k
    done;
    for k = 0 to 32767 do
      Hashtbl.remove t (k * 2)
    done;
    let s = Hashtbl.fold (fun k v acc -> (acc + (k * v)) land 0x3FFFFFFF) t 0 in
    total := (!total + s + !hits + Hashtbl.length t) land 0x3FFFFFFF
  done;
  Printf.printf "hashtbl int checksum = %d\n" !total
