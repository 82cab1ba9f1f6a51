(* Uchar: of_int/to_int, is_valid, succ/pred, of_char/to_char, UTF-8 encoding via Buffer and manual decoding *)
let utf8_decode s =
  let rec go i acc =
    if i >= String.length s then List.rev acc
    else
      let c = Char.code s.[i] in
      if c < 0x80 then go (i + 1) (c :: acc)
      else if c < 0xE0 then go (i + 2) ((((c land 0x1F) lsl 6) lor (Char.code s.[i + 1] land 0x3F)) :: acc)
      else if c < 0xF0 then go (i + 3) ((((c land 0x0F) lsl 12) lor ((Char.code s.[i + 1] land 0x3F) lsl 6) lor (Char.code s.[i + 2] land 0x3F)) :: acc)
      else go (i + 4) ((((c land 0x07) lsl 18) lor ((Char.code s.[i + 1] land 0x3F) lsl 12) lor ((Char.code s.[i + 2] land 0x3F) lsl 6) lor (Char.code s.[i + 3] land 0x3F)) :: acc)
  in
  go 0 []

let () =
  let u = Uchar.of_int 0x41 in
  Printf.printf "%d %c\n" (Uchar.to_int u) (Uchar.to_char u);
  Printf.printf "valid: %b %b %b %b\n" (Uchar.is_valid 0x10FFFF) (Uchar.is_valid 0x110000) (Uchar.is_valid 0xD800) (Uchar.is_valid (-1));
  Printf.printf "succ=%x pred=%x\n" (Uchar.to_int (Uchar.succ (Uchar.of_int 0xD7FF))) (Uchar.to_int (Uchar.pred (Uchar.of_int 0xE000)));
  Printf.printf "min=%x max=%x bom=%x rep=%x\n" (Uchar.to_int Uchar.min) (Uchar.to_int Uchar.max) (Uchar.to_int Uchar.bom) (Uchar.to_int Uchar.rep);
  Printf.printf "of_char=%d is_char=%b %b\n" (Uchar.to_int (Uchar.of_char 'z')) (Uchar.is_char (Uchar.of_int 200)) (Uchar.is_char (Uchar.of_int 300));
  Printf.printf "equal=%b compare=%d\n" (Uchar.equal u (Uchar.of_char 'A')) (Uchar.compare u (Uchar.of_int 0x42));
  let b = Buffer.create 16 in
  List.iter (fun cp -> Buffer.add_utf_8_uchar b (Uchar.of_int cp)) [ 0x48; 0xE9; 0x3BB; 0x20AC; 0x1F600 ];
  let s = Buffer.contents b in
  Printf.printf "utf8 len=%d\n" (String.length s);
  print_endline s;
  String.iter (fun c -> Printf.printf "%02x" (Char.code c)) s;
  print_newline ();
  print_endline (String.concat " " (List.map (Printf.sprintf "U+%04X") (utf8_decode s)));
  (try ignore (Uchar.of_int 0xD800) with Invalid_argument _ -> print_endline "surrogate rejected")
