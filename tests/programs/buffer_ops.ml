(* Buffer: add_char/add_string/add_substring, contents, length, clear, reset, nth, sub, truncate, Printf.bprintf, growth *)
let () =
  let b = Buffer.create 4 in
  Buffer.add_string b "Hello";
  Buffer.add_char b ',';
  Buffer.add_char b ' ';
  Buffer.add_substring b "xxWorldxx" 2 5;
  Printf.printf "%s (%d)\n" (Buffer.contents b) (Buffer.length b);
  Printf.printf "nth=%c sub=%s\n" (Buffer.nth b 7) (Buffer.sub b 0 5);
  Buffer.truncate b 5;
  print_endline (Buffer.contents b);
  Printf.bprintf b " %d-%s-%.1f" 42 "x" 2.5;
  print_endline (Buffer.contents b);
  Buffer.add_bytes b (Bytes.of_string "!!");
  print_endline (Buffer.contents b);
  Buffer.clear b;
  Printf.printf "after clear: [%s] %d\n" (Buffer.contents b) (Buffer.length b);
  for i = 0 to 9999 do Buffer.add_char b (Char.chr (97 + (i mod 26))) done;
  Printf.printf "big len=%d last=%c\n" (Buffer.length b) (Buffer.nth b 9999);
  let s = Buffer.contents b in
  Printf.printf "%s...%s\n" (String.sub s 0 5) (String.sub s 9995 5);
  Buffer.reset b;
  Printf.printf "reset len=%d\n" (Buffer.length b);
  let b2 = Buffer.create 8 in
  Buffer.add_string b2 "abc";
  Buffer.add_buffer b b2;
  Buffer.add_buffer b b2;
  print_endline (Buffer.contents b);
  let b3 = Buffer.create 1 in
  Buffer.add_utf_8_uchar b3 (Uchar.of_int 0x3bb);
  Buffer.add_utf_8_uchar b3 (Uchar.of_int 0x20ac);
  Printf.printf "utf8 bytes=%d\n" (Buffer.length b3);
  String.iter (fun c -> Printf.printf "%02X " (Char.code c)) (Buffer.contents b3);
  print_newline ();
  Printf.printf "to_bytes=%s\n" (Bytes.to_string (Buffer.to_bytes b2))
