(* Hashtbl with string keys: word counts over generated text. *)
(* bench: quick=2 *)
let () =
  let n = if Array.length Sys.argv > 1 then int_of_string Sys.argv.(1) else 27 in
  let syll = [| "ka"; "lo"; "mi"; "ne"; "ru"; "sa"; "to"; "vi" |] in
  let total = ref 0 in
  for it = 1 to n do
    let seed = ref it in
    let rnd () =
      seed := ((!seed * 69069) + 1) land 0x3FFFFFFF;
      !seed lsr 10
    in
    let words =
      Array.init 60_000 (fun _ ->
          let k = 1 + (rnd () mod 4) in
          String.concat "" (List.init k (fun _ -> syll.(rnd () land 7))))
    in
    let counts = Hashtbl.create 1024 in
    Array.iter
      (fun w ->
        match Hashtbl.find counts w with
        | c -> Hashtbl.replace counts w (c + 1)
        | exception Not_found -> Hashtbl.add counts w 1)
      words;
    let distinct = Hashtbl.length counts in
    let s = Hashtbl.fold (fun w c acc -> (acc + (c * String.length w)) land 0x3FFFFFFF) counts 0 in
    let best = Hashtbl.fold (fun _ c acc -> max c acc) counts 0 in
    let missing = ref 0 in
    for i = 0 to 9999 do
      if not (Hashtbl.mem counts (syll.(i land 7) ^ "x" ^ string_of_int i)) then incr missing
    done;
    total := (!total + distinct + s + best + !missing) land 0x3FFFFFFF
  done;
  Printf.printf "hashtbl string checksum = %d\n" !total
