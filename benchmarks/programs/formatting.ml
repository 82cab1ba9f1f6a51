(* Printf-heavy formatting: sprintf with many conversions, bprintf, printf to stdout. *)
(* bench: quick=5000 *)
let hash_string h s =
  let h = ref h in
  String.iter (fun c -> h := ((!h * 31) + Char.code c) land 0x3FFFFFFF) s;
  !h

let () =
  let n = if Array.length Sys.argv > 1 then int_of_string Sys.argv.(1) else 75_000 in
  let h = ref 0 in
  let b = Buffer.create 256 in
  for i = 1 to n do
    let s = Printf.sprintf "%d|%5d|%-6d|%x|%08X|%o|%s|%10s|%c|%b" i (i * 7) (i mod 1000) i (i * 13) (i land 511) "abc" "right" (Char.chr (65 + (i mod 26))) (i land 1 = 0) in
    h := hash_string !h s;
    let f = float_of_int i /. 7. in
    let s2 = Printf.sprintf "%f %.2f %8.3f %e %g %.10g" f f f f f f in
    h := hash_string !h s2;
    Buffer.clear b;
    Printf.bprintf b "[%s:%d:%S]" "key" i "q\"uote";
    h := hash_string !h (Buffer.contents b);
    if i mod 2500 = 0 then Printf.printf "%d %s %s\n" i s s2
  done;
  Printf.printf "printf checksum = %d\n" !h
