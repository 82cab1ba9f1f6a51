(* Map and Set functors: balanced trees with int and string keys. *)
(* bench: quick=1 *)
module IM = Map.Make (Int)
module SS = Set.Make (String)
module IS = Set.Make (struct type t = int let compare (a : int) b = compare a b end)

let () =
  let n = if Array.length Sys.argv > 1 then int_of_string Sys.argv.(1) else 6 in
  let total = ref 0 in
  for it = 1 to n do
    let seed = ref it in
    let rnd () =
      seed := ((!seed * 69069) + 1) land 0x3FFFFFFF;
      !seed lsr 8
    in
    let m = ref IM.empty in
    for _ = 1 to 30_000 do
      let k = rnd () land 0xFFFF in
      m := IM.update k (function None -> Some 1 | Some c -> Some (c + 1)) !m
    done;
    let found = ref 0 in
    for k = 0 to 20_000 do
      match IM.find_opt k !m with Some c -> found := !found + c | None -> ()
    done;
    let m2 = IM.filter (fun k _ -> k land 3 <> 0) !m in
    let m3 = IM.map (fun c -> c * 2) m2 in
    let sm = IM.fold (fun k v acc -> (acc + (k * v)) land 0x3FFFFFFF) m3 0 in
    let s1 = ref IS.empty and s2 = ref IS.empty in
    for i = 0 to 20_000 do
      s1 := IS.add (rnd () land 0x7FFF) !s1;
      s2 := IS.add (rnd () land 0x7FFF) !s2
    done;
    let u = IS.union !s1 !s2 and d = IS.diff !s1 !s2 and x = IS.inter !s1 !s2 in
    let ss = ref SS.empty in
    for i = 0 to 5_000 do
      ss := SS.add (string_of_int (rnd () land 0xFFF)) !ss
    done;
    let smem = ref 0 in
    for i = 0 to 5_000 do
      if SS.mem (string_of_int i) !ss then incr smem
    done;
    total :=
      (!total + !found + sm + IS.cardinal u + IS.cardinal d + IS.cardinal x + SS.cardinal !ss + !smem
      + IM.cardinal !m)
      land 0x3FFFFFFF
  done;
  Printf.printf "map/set checksum = %d\n" !total
