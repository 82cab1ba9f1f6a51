type t = { a : int; b : string; mutable c : t list; f : float; arr : float array; i64 : int64; i32 : int32; n : nativeint }
let () =
  let rec x = { a = 1; b = "shared"; c = []; f = 2.5; arr = [| 1.0; 2.0 |]; i64 = 0x1234_5678_9abc_def0L; i32 = -5l; n = 7n } in
  x.c <- [x; x];
  let big = String.make 300 'z' in
  let v = (x, big, big, [1; 2; 3], (-1000000, 70000, -128, 127, 32767, 1 lsl 40), `Poly 3, Some None) in
  let oc = open_out_bin Sys.argv.(1) in
  Marshal.to_channel oc v [];
  close_out oc
