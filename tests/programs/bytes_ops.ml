(* Bytes: create/make/set/get, blit, fill, sub, extend, to_string copies, in-place mutation, integer accessors *)
let () =
  let b = Bytes.make 5 'a' in
  Bytes.set b 0 'H';
  Bytes.set b 4 'Z';
  print_endline (Bytes.to_string b);
  let s = Bytes.to_string b in
  Bytes.set b 1 'e';
  Printf.printf "%s %s\n" s (Bytes.to_string b);
  let c = Bytes.of_string "0123456789" in
  Bytes.blit c 0 c 3 5;
  print_endline (Bytes.to_string c);
  Bytes.fill c 0 2 '#';
  print_endline (Bytes.to_string c);
  print_endline (Bytes.sub_string c 2 4);
  let e = Bytes.extend (Bytes.of_string "mid") 2 3 in
  Bytes.fill e 0 2 '<';
  Bytes.fill e 5 3 '>';
  print_endline (Bytes.to_string e);
  let u = Bytes.uppercase_ascii (Bytes.of_string "shout") in
  print_endline (Bytes.to_string u);
  let r = Bytes.init 6 (fun i -> Char.chr (Char.code 'a' + (5 - i))) in
  print_endline (Bytes.to_string r);
  Printf.printf "len=%d eq=%b cmp=%d\n" (Bytes.length r) (Bytes.equal r (Bytes.of_string "fedcba")) (Bytes.compare r (Bytes.of_string "z"));
  let cat = Bytes.cat (Bytes.of_string "ab") (Bytes.of_string "cd") in
  print_endline (Bytes.to_string cat);
  let cp = Bytes.copy cat in
  Bytes.set cp 0 'X';
  Printf.printf "%s %s\n" (Bytes.to_string cat) (Bytes.to_string cp);
  let buf = Bytes.make 8 '\000' in
  Bytes.set_int16_le buf 0 0x1234;
  Bytes.set_int16_be buf 2 0x1234;
  Bytes.set_int32_le buf 4 0x01020304l;
  Bytes.iter (fun c -> Printf.printf "%02x" (Char.code c)) buf;
  print_newline ();
  Printf.printf "%d %d %ld\n" (Bytes.get_uint16_le buf 0) (Bytes.get_uint16_be buf 0) (Bytes.get_int32_be buf 4);
  Printf.printf "%d %d\n" (Bytes.get_uint8 buf 5) (Bytes.get_int8 (Bytes.of_string "\255") 0);
  let b64 = Bytes.make 8 '\000' in
  Bytes.set_int64_be b64 0 0x0102030405060708L;
  Printf.printf "%Lx\n" (Bytes.get_int64_le b64 0);
  let m = Bytes.of_string "hello" in
  Bytes.iteri (fun i ch -> Bytes.set m i (Char.uppercase_ascii ch)) m;
  print_endline (Bytes.unsafe_to_string m)
