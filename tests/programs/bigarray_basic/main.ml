(* bigarray_basic: Bigarray kinds and conversions, C and Fortran layouts, 1-3 dimensions and genarrays, sub/slice/blit/fill/reshape/change_layout with shared memory, bounds and argument errors, compare and hash, bigstring 16/32/64-bit access *)
open Bigarray
external get16 : (char, int8_unsigned_elt, c_layout) Array1.t -> int -> int = "%caml_bigstring_get16"
external get32 : (char, int8_unsigned_elt, c_layout) Array1.t -> int -> int32 = "%caml_bigstring_get32"
external get64 : (char, int8_unsigned_elt, c_layout) Array1.t -> int -> int64 = "%caml_bigstring_get64"
external set16 : (char, int8_unsigned_elt, c_layout) Array1.t -> int -> int -> unit = "%caml_bigstring_set16"
external set32 : (char, int8_unsigned_elt, c_layout) Array1.t -> int -> int32 -> unit = "%caml_bigstring_set32"
external set64 : (char, int8_unsigned_elt, c_layout) Array1.t -> int -> int64 -> unit = "%caml_bigstring_set64"
external uget16 : (char, int8_unsigned_elt, c_layout) Array1.t -> int -> int = "%caml_bigstring_get16u"

let pr fmt = Printf.printf fmt
let catch name f =
  try f (); pr "%s: no exception\n" name
  with Invalid_argument m -> pr "%s: Invalid_argument %S\n" name m

let show_int : type l. (int, int_elt, l) Array1.t -> unit = fun a ->
  let n = Array1.dim a in
  let first = match Array1.layout a with C_layout -> 0 | Fortran_layout -> 1 in
  for i = first to first + n - 1 do pr "%d " (Array1.get a i) done;
  pr "\n"

let () =
  (* integer kinds wrap as C stores them *)
  let test_kind name k =
    let a = Array1.create k c_layout 6 in
    Array1.fill a 0;
    List.iteri (fun i v -> a.{i} <- v) [1; -1; 127; 128; 255; 65537];
    pr "%s: " name;
    for i = 0 to 5 do pr "%d " a.{i} done; pr "\n" in
  test_kind "int8_signed" int8_signed;
  test_kind "int8_unsigned" int8_unsigned;
  test_kind "int16_signed" int16_signed;
  test_kind "int16_unsigned" int16_unsigned;
  test_kind "int" int;
  let c = Array1.create char c_layout 3 in
  Array1.fill c 'x'; c.{1} <- 'y'; pr "char: %c%c%c\n" c.{0} c.{1} c.{2};
  let i32 = Array1.create int32 c_layout 2 in
  i32.{0} <- Int32.max_int; i32.{1} <- Int32.min_int;
  pr "int32: %ld %ld\n" i32.{0} i32.{1};
  let i64 = Array1.create int64 c_layout 3 in
  i64.{0} <- Int64.max_int; i64.{1} <- Int64.min_int; i64.{2} <- -5L;
  pr "int64: %Ld %Ld %Ld\n" i64.{0} i64.{1} i64.{2};
  let ni = Array1.create nativeint c_layout 2 in
  ni.{0} <- Nativeint.min_int; ni.{1} <- 42n;
  pr "nativeint: %nd %nd\n" ni.{0} ni.{1};
  let f32 = Array1.create float32 c_layout 3 in
  f32.{0} <- 0.1; f32.{1} <- 1e40; f32.{2} <- -3.5;
  pr "float32: %.17g %g %g\n" f32.{0} f32.{1} f32.{2};
  let f64 = Array1.create float64 c_layout 2 in
  f64.{0} <- 0.1; f64.{1} <- nan;
  pr "float64: %.17g %b\n" f64.{0} (Float.is_nan f64.{1});
  let cx = Array1.create complex64 c_layout 2 in
  cx.{0} <- { Complex.re = 1.5; im = -2. }; cx.{1} <- Complex.i;
  pr "complex64: %g %g %g %g\n" cx.{0}.Complex.re cx.{0}.Complex.im cx.{1}.Complex.re cx.{1}.Complex.im;
  let cx32 = Array1.create complex32 c_layout 1 in
  cx32.{0} <- { Complex.re = 0.1; im = 0.2 };
  pr "complex32: %.17g %.17g\n" cx32.{0}.Complex.re cx32.{0}.Complex.im;
  Array1.fill cx32 Complex.one; pr "fill complex32: %g\n" cx32.{0}.Complex.re;
  pr "kind size: %d %d %d\n" (Array1.size_in_bytes f64) (Array1.size_in_bytes cx) (Array1.size_in_bytes i32);
  (* 2D, C layout *)
  let m = Array2.init int c_layout 3 4 (fun i j -> 10 * i + j) in
  pr "dims %d %d\n" (Array2.dim1 m) (Array2.dim2 m);
  for i = 0 to 2 do for j = 0 to 3 do pr "%d " m.{i, j} done done; pr "\n";
  let row = Array2.slice_left m 1 in pr "row1: "; show_int row;
  row.{2} <- 99; pr "m.{1,2} = %d\n" m.{1, 2};
  let sub = Array2.sub_left m 1 2 in
  pr "sub dims %d %d first %d\n" (Array2.dim1 sub) (Array2.dim2 sub) sub.{0, 0};
  (* Fortran layout *)
  let f = Array2.init int fortran_layout 3 4 (fun i j -> 10 * i + j) in
  pr "fortran: %d %d\n" f.{1, 1} f.{3, 4};
  let col = Array2.slice_right f 2 in pr "col2: "; show_int col;
  let fs = Array2.sub_right f 2 2 in
  pr "sub_right dims %d %d first %d\n" (Array2.dim1 fs) (Array2.dim2 fs) fs.{1, 1};
  let fl = Array2.change_layout f c_layout in
  pr "changed: dims %d %d, fl.{3,2} = %d\n" (Array2.dim1 fl) (Array2.dim2 fl) fl.{3, 2};
  (* 3D and genarray *)
  let g = Genarray.init float64 c_layout [| 2; 3; 4 |] (fun a -> float (a.(0) * 100 + a.(1) * 10 + a.(2))) in
  pr "genarray dims %s\n" (String.concat "x" (Array.to_list (Array.map string_of_int (Genarray.dims g))));
  pr "g[1,2,3] = %g num_dims %d\n" (Genarray.get g [| 1; 2; 3 |]) (Genarray.num_dims g);
  let a3 = array3_of_genarray g in
  pr "a3 %g %d %d %d\n" a3.{1, 1, 1} (Array3.dim1 a3) (Array3.dim2 a3) (Array3.dim3 a3);
  let s = Genarray.slice_left g [| 1 |] in
  pr "slice dims %d %d, %g\n" (Genarray.nth_dim s 0) (Genarray.nth_dim s 1) (Genarray.get s [| 2; 1 |]);
  let r = reshape_2 g 4 6 in
  pr "reshape %g\n" r.{3, 5};
  let r1 = reshape_1 g 24 in r1.{0} <- -1.; pr "shared %g\n" (Genarray.get g [| 0; 0; 0 |]);
  let a0 = Array0.create int c_layout in Array0.set a0 7; pr "array0 %d\n" (Array0.get a0);
  (* blit and fill *)
  let src = Array1.of_array int c_layout [| 1; 2; 3; 4; 5; 6 |] in
  let dst = Array1.create int c_layout 6 in
  Array1.blit src dst; show_int dst;
  Array1.blit (Array1.sub src 0 4) (Array1.sub src 2 4); show_int src;
  Array1.fill (Array1.sub dst 1 2) 0; show_int dst;
  let fa = Array1.of_array int fortran_layout [| 1; 2; 3 |] in show_int fa;
  let f3 = Array3.init int fortran_layout 2 3 4 (fun i j k -> 100 * i + 10 * j + k) in
  pr "f3 %d %d\n" f3.{2, 3, 4} f3.{1, 2, 3};
  let lin = reshape_1 (genarray_of_array3 f3) 24 in
  pr "f3 column-major %d %d %d\n" lin.{1} lin.{2} lin.{3};
  pr "f3 slice: "; show_int (Array3.slice_right_1 f3 2 3);
  f3.{2, 1, 4} <- -7; pr "f3 set %d %d\n" (Genarray.get (genarray_of_array3 f3) [| 2; 1; 4 |]) lin.{20};
  catch "f3 oob" (fun () -> ignore f3.{3, 1, 1});
  (* errors *)
  catch "get oob" (fun () -> ignore (Array1.get src 6));
  catch "get neg" (fun () -> ignore (Array1.get src (-1)));
  catch "fortran get 0" (fun () -> ignore (Array1.get fa 0));
  catch "set oob" (fun () -> Array2.set m 3 0 1);
  catch "genarray wrong" (fun () -> ignore (Genarray.get g [| 1; 2 |]));
  catch "create neg" (fun () -> ignore (Array1.create int c_layout (-1)));
  catch "sub" (fun () -> ignore (Array1.sub src 4 3));
  catch "blit" (fun () -> Array1.blit src (Array1.create int c_layout 5));
  catch "reshape" (fun () -> ignore (reshape_1 g 25));
  catch "dim" (fun () -> ignore (Genarray.nth_dim g 3));
  catch "slice" (fun () -> ignore (Genarray.slice_left g [| 0; 0; 0; 0 |]));
  catch "slice oob" (fun () -> ignore (Genarray.slice_left g [| 2 |]));
  (* compare and hash *)
  let x = Array1.of_array int c_layout [| 1; 2; 3 |] and y = Array1.of_array int c_layout [| 1; 2; 4 |] in
  pr "compare %d %d %d %b\n" (compare x y) (compare y x) (compare x x) (x = Array1.of_array int c_layout [| 1; 2; 3 |]);
  pr "compare dims %d\n" (compare x (Array1.of_array int c_layout [| 1; 2 |]));
  let fx = Array1.of_array float64 c_layout [| 1.; nan |] in
  pr "nan eq %b compare %d\n" (fx = fx) (compare fx fx);
  pr "hash %d %d %d %d\n" (Hashtbl.hash x) (Hashtbl.hash y) (Hashtbl.hash f32) (Hashtbl.hash i64);
  pr "hash %d %d %d %d\n" (Hashtbl.hash c) (Hashtbl.hash cx) (Hashtbl.hash ni) (Hashtbl.hash i32);
  let bytes = Array1.of_array int8_unsigned c_layout (Array.init 300 (fun i -> i * 7)) in
  let shorts = Array1.of_array int16_signed c_layout (Array.init 201 (fun i -> i * 1000)) in
  pr "hash %d %d %d\n" (Hashtbl.hash bytes) (Hashtbl.hash shorts) (Hashtbl.hash g);
  pr "kind %b layout %b\n" (Array1.kind x = int) (Array1.layout fa = fortran_layout);
  let b = Array1.create char c_layout 10 in
  Array1.fill b '\000';
  set16 b 0 0xBEEF; set32 b 2 0xDEADBEEFl; set64 b 2 (-2L);
  set32 b 6 0x01020304l;
  for i = 0 to 9 do pr "%02x " (Char.code b.{i}) done; print_newline ();
  pr "%x %lx %Lx %x\n" (get16 b 0) (get32 b 6) (get64 b 2) (uget16 b 8);
  catch "get16" (fun () -> ignore (get16 b 9));
  catch "get64" (fun () -> ignore (get64 b 3));
  catch "set32" (fun () -> set32 b (-1) 0l);
  pr "%lx\n" (get32 b 0)
