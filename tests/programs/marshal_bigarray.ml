(* Marshal of bigarrays: every kind, both layouts, sharing, a large one; bytes as ocamlrun writes them, and read back *)
open Bigarray

let hex s = String.iter (fun c -> Printf.printf "%02x" (Char.code c)) s; print_newline ()

let round (type a b) (a : (a, b, c_layout) Array1.t) =
  let s = Marshal.to_string a [] in
  hex s;
  let b : (a, b, c_layout) Array1.t = Marshal.from_string s 0 in
  Printf.printf "%b %d %d\n" (a = b) (Array1.dim b) (Marshal.total_size (Bytes.of_string s) 0)

let () =
  round (Array1.of_array int8_signed c_layout [| 1; -2; 127; -128 |]);
  round (Array1.of_array int8_unsigned c_layout [| 1; 255 |]);
  round (Array1.of_array int16_signed c_layout [| 1; -2; 32767 |]);
  round (Array1.of_array int16_unsigned c_layout [| 1; 65535; 127 |]);
  round (Array1.of_array int32 c_layout [| 1l; -2l; Int32.min_int |]);
  round (Array1.of_array int64 c_layout [| 1L; -2L; 0x123456789abL; Int64.min_int |]);
  round (Array1.of_array float32 c_layout [| 1.5; -2.25; 0.1 |]);
  round (Array1.of_array float64 c_layout [| 1.5; -2.25; infinity; 0.1 |]);
  round (Array1.of_array complex32 c_layout [| Complex.one; { Complex.re = 0.5; im = -0.25 } |]);
  round (Array1.of_array complex64 c_layout [| Complex.one; Complex.i |]);
  round (Array1.of_array int c_layout [| 1; -2; 1 lsl 29 |]);
  round (Array1.of_array int c_layout [| 1; -2; 1 lsl 30 |]);
  round (Array1.of_array nativeint c_layout [| 1n; -2n |]);
  round (Array1.of_array char c_layout [| 'a'; 'b' |]);
  round (Array1.create float64 c_layout 0);
  let m = Array2.of_array float64 fortran_layout [| [| 1.; 2. |]; [| 3.; 4. |] |] in
  let s = Marshal.to_string (m, m, Genarray.create int8_unsigned c_layout [| 2; 0; 3 |]) [] in
  hex s;
  let m2, m3, g = (Marshal.from_string s 0 : _ * _ * (int, int8_unsigned_elt, c_layout) Genarray.t) in
  Printf.printf "%b %g %d %b\n" (m2 == m3) m2.{2, 1} (Genarray.num_dims g) (m = m2);
  let big = Array1.create char c_layout 70000 in
  Array1.fill big 'x';
  big.{69999} <- 'y';
  let s = Marshal.to_string big [ Marshal.No_sharing ] in
  Printf.printf "%d %s\n" (String.length s) (Digest.to_hex (Digest.string s));
  let b2 : (char, int8_unsigned_elt, c_layout) Array1.t = Marshal.from_string s 0 in
  Printf.printf "%b %c\n" (big = b2) b2.{69999}
