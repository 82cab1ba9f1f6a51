(* Physical equality (==, !=) versus structural equality on mutable and immutable values, sharing, copies *)
let () =
  let r1 = ref 0 in
  let r2 = r1 in
  let r3 = ref 0 in
  Printf.printf "%b %b %b %b\n" (r1 == r2) (r1 == r3) (r1 = r3) (r1 != r3);
  let s = "hello" in
  let s2 = s in
  let s3 = String.sub s 0 5 in
  Printf.printf "%b %b %b\n" (s == s2) (s == s3) (s = s3);
  let l = [ 1; 2; 3 ] in
  let l2 = 0 :: l in
  Printf.printf "tail shared: %b\n" (List.tl l2 == l);
  Printf.printf "map copy: %b %b\n" (List.map Fun.id l == l) (List.map Fun.id l = l);
  let a = [| 1; 2 |] in
  let b = Array.copy a in
  Printf.printf "array copy: %b %b\n" (a == b) (a = b);
  b.(0) <- 9;
  Printf.printf "after mutation: a0=%d b0=%d\n" a.(0) b.(0);
  Printf.printf "ints: %b %b chars: %b\n" (1 == 1) (1000000 == 1000000) ('x' == 'x');
  Printf.printf "constant constructors: %b %b\n" (None == None) ([] == []);
  let t = (1, 2) in
  let (x, _) as t2 = t in
  Printf.printf "alias: %b %d\n" (t == t2) x;
  let b1 = Bytes.of_string "ab" in
  let b2 = Bytes.copy b1 in
  Printf.printf "bytes: %b %b\n" (b1 == b2) (b1 = b2);
  let o = object method m = 1 end in
  let o2 = o in
  Printf.printf "objects: %b %b\n" (o == o2) (o == Oo.copy o);
  let memo = Hashtbl.create 4 in
  let intern s = match Hashtbl.find_opt memo s with Some s' -> s' | None -> Hashtbl.add memo s s; s in
  let i1 = intern (String.make 3 'a') and i2 = intern (String.make 3 'a') in
  Printf.printf "interned: %b\n" (i1 == i2)
