(* Sieve of Eratosthenes on a bool array and on Bytes. *)
(* bench: quick=1 *)
let sieve_array n =
  let a = Array.make (n + 1) true in
  a.(0) <- false;
  a.(1) <- false;
  let i = ref 2 in
  while !i * !i <= n do
    if a.(!i) then begin
      let j = ref (!i * !i) in
      while !j <= n do a.(!j) <- false; j := !j + !i done
    end;
    incr i
  done;
  let c = ref 0 in
  Array.iter (fun b -> if b then incr c) a;
  !c

let sieve_bytes n =
  let b = Bytes.make (n + 1) '\001' in
  Bytes.set b 0 '\000';
  Bytes.set b 1 '\000';
  for i = 2 to n do
    if i <= n / i && Bytes.get b i = '\001' then begin
      let j = ref (i * i) in
      while !j <= n do Bytes.set b !j '\000'; j := !j + i done
    end
  done;
  let c = ref 0 and last = ref 0 in
  for i = 0 to n do if Bytes.get b i = '\001' then (incr c; last := i) done;
  (!c, !last)

let () =
  let n = if Array.length Sys.argv > 1 then int_of_string Sys.argv.(1) else 12 in
  let t = ref 0 in
  for _ = 1 to n do
    t := !t + sieve_array 1_000_000;
    let c, l = sieve_bytes 1_000_000 in
    t := (!t + c + l) land 0x3FFFFFFF
  done;
  Printf.printf "sieve checksum = %d\n" !t
