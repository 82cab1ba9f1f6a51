(* Arrays and sorting: quicksort, heapsort and Array.sort on int arrays. *)
(* bench: quick=1 *)
let seed = ref 42

let rand () =
  seed := ((!seed * 69069) + 1) land 0x3FFFFFFF;
  !seed lsr 4

let swap a i j =
  let t = a.(i) in
  a.(i) <- a.(j);
  a.(j) <- t

let rec quicksort a lo hi =
  if lo < hi then begin
    let p = a.((lo + hi) / 2) in
    let i = ref lo and j = ref hi in
    while !i <= !j do
      while a.(!i) < p do incr i done;
      while a.(!j) > p do decr j done;
      if !i <= !j then begin
        swap a !i !j;
        incr i;
        decr j
      end
    done;
    quicksort a lo !j;
    quicksort a !i hi
  end

let heapsort a =
  let n = Array.length a in
  let rec sift start end_ =
    let root = ref start in
    let continue = ref true in
    while !continue && (2 * !root) + 1 <= end_ do
      let child = (2 * !root) + 1 in
      let sw = ref !root in
      if a.(!sw) < a.(child) then sw := child;
      if child + 1 <= end_ && a.(!sw) < a.(child + 1) then sw := child + 1;
      if !sw = !root then continue := false
      else begin
        swap a !root !sw;
        root := !sw
      end
    done
  in
  for start = (n - 2) / 2 downto 0 do
    sift start (n - 1)
  done;
  for end_ = n - 1 downto 1 do
    swap a end_ 0;
    sift 0 (end_ - 1)
  done

let checksum a =
  let s = ref 0 in
  Array.iteri (fun i x -> s := (!s + (x * (i land 255))) land 0x3FFFFFFF) a;
  !s

let () =
  let n = if Array.length Sys.argv > 1 then int_of_string Sys.argv.(1) else 3 in
  let size = 100_000 in
  let total = ref 0 in
  for _ = 1 to n do
    let a = Array.init size (fun _ -> rand ()) in
    let b = Array.copy a and c = Array.copy a in
    quicksort a 0 (size - 1);
    heapsort b;
    Array.sort compare c;
    if a <> b || b <> c then failwith "sort mismatch";
    for i = 1 to size - 1 do
      if a.(i - 1) > a.(i) then failwith "not sorted"
    done;
    total := (!total + checksum a) land 0x3FFFFFFF
  done;
  Printf.printf "arrays checksum = %d\n" !total
