(* Strings and Buffer: building strings, String.concat, ^, sub, index, split, map. *)
(* bench: quick=80 *)
let hash_string h s =
  let h = ref h in
  for i = 0 to String.length s - 1 do
    h := ((!h * 31) + Char.code (String.unsafe_get s i)) land 0x3FFFFFFF
  done;
  !h

let words = [| "alpha"; "beta"; "gamma"; "delta"; "epsilon"; "zeta"; "eta"; "theta"; "iota"; "kappa" |]

let () =
  let n = if Array.length Sys.argv > 1 then int_of_string Sys.argv.(1) else 1600 in
  let h = ref 0 in
  for it = 1 to n do
    (* Buffer.add_* *)
    let b = Buffer.create 16 in
    for i = 0 to 999 do
      Buffer.add_string b words.(i mod 10);
      Buffer.add_char b (if i land 7 = 0 then '\n' else ' ');
      if i mod 50 = 0 then Buffer.add_string b (string_of_int (i * it))
    done;
    let text = Buffer.contents b in
    h := hash_string !h text;
    (* split and concat *)
    let lines = String.split_on_char '\n' text in
    let upper = List.map String.uppercase_ascii lines in
    let joined = String.concat "|" upper in
    h := hash_string !h joined;
    (* ^ in a loop and sub / index *)
    let s = ref "" in
    for i = 0 to 199 do
      s := !s ^ words.((i + it) mod 10)
    done;
    let s = !s in
    let pos = ref 0 and count = ref 0 in
    (try
       while true do
         let k = String.index_from s !pos 'a' in
         incr count;
         pos := k + 1
       done
     with Not_found -> ());
    h := (!h + !count + String.length (String.sub s 10 100)) land 0x3FFFFFFF;
    (* Bytes, map, trim, equality *)
    let by = Bytes.of_string s in
    for i = 0 to Bytes.length by - 1 do
      if i mod 3 = 0 then Bytes.set by i (Char.chr (97 + (i mod 26)))
    done;
    let s2 = String.map (fun c -> if c = 'a' then 'b' else c) (Bytes.to_string by) in
    h := hash_string !h s2;
    if String.equal (String.trim ("  " ^ s2 ^ "  ")) s2 then incr h;
    if String.compare s s2 < 0 then h := !h + 2
  done;
  Printf.printf "strings checksum = %d\n" !h
