(* Array permutations: the fannkuch-redux benchmark. *)
(* bench: quick=1 *)
let fannkuch n =
  let perm = Array.make n 0 and perm1 = Array.init n (fun i -> i) and count = Array.make n 0 in
  let max_flips = ref 0 and checksum = ref 0 and r = ref n and perm_count = ref 0 in
  let finished = ref false in
  while not !finished do
    while !r <> 1 do
      count.(!r - 1) <- !r;
      decr r
    done;
    Array.blit perm1 0 perm 0 n;
    let flips = ref 0 in
    let k = ref perm.(0) in
    while !k <> 0 do
      let i = ref 0 and j = ref !k in
      while !i < !j do
        let t = perm.(!i) in
        perm.(!i) <- perm.(!j);
        perm.(!j) <- t;
        incr i;
        decr j
      done;
      incr flips;
      k := perm.(0)
    done;
    if !flips > !max_flips then max_flips := !flips;
    checksum := if !perm_count land 1 = 0 then !checksum + !flips else !checksum - !flips;
    (* next permutation *)
    let continue = ref true in
    while !continue do
      if !r = n then begin
        finished := true;
        continue := false
      end
      else begin
        let perm0 = perm1.(0) in
        for i = 0 to !r - 1 do
          perm1.(i) <- perm1.(i + 1)
        done;
        perm1.(!r) <- perm0;
        count.(!r) <- count.(!r) - 1;
        if count.(!r) > 0 then continue := false else incr r
      end
    done;
    incr perm_count
  done;
  (!checksum, !max_flips)

let () =
  let reps = if Array.length Sys.argv > 1 then int_of_string Sys.argv.(1) else 4 in
  for _ = 1 to reps do
    let n = 9 in
    let c, m = fannkuch n in
    Printf.printf "%d\nPfannkuchen(%d) = %d\n" c n m
  done
