(* Bytes.blit and blit_string: overlapping areas both ways, short and long copies, from strings and from bytes *)
let () =
  let s = "0123456789abcdefghijklmnopqrstuvwxyz" in
  let b = Bytes.of_string s in
  Bytes.blit b 0 b 5 20; print_endline (Bytes.to_string b);
  let b = Bytes.of_string s in
  Bytes.blit b 5 b 0 20; print_endline (Bytes.to_string b);
  let b = Bytes.of_string s in
  Bytes.blit b 1 b 0 3; print_endline (Bytes.to_string b);
  Bytes.blit b 0 b 1 3; print_endline (Bytes.to_string b);
  Bytes.blit b 0 b 0 36; print_endline (Bytes.to_string b);
  let long = String.init 10000 (fun i -> Char.chr (97 + i mod 26)) ^ "YZ" in
  let b = Bytes.make 10010 '-' in
  Bytes.blit_string long 3 b 1 9999;
  print_endline (Bytes.sub_string b 9990 20);
  print_endline (Bytes.sub_string b 0 12);
  let c = Bytes.of_string long in
  Bytes.blit c 0 c 4100 5902; print_endline (Bytes.sub_string c 4095 12);
  Bytes.blit c 4100 c 1 5000; print_endline (Bytes.sub_string c 0 12);
  Bytes.blit_string "hello world" 2 b 0 9; print_endline (Bytes.sub_string b 0 12);
  let buf = Buffer.create 1 in
  for i = 0 to 5000 do Buffer.add_string buf (string_of_int i) done;
  Printf.printf "%d %s\n" (Buffer.length buf) (Digest.to_hex (Digest.string (Buffer.contents buf)))
