(* Size limits of arrays, float arrays and bytes (Invalid_argument past Sys.max_array_length and Sys.max_string_length), and comparison of float arrays however they were made *)
let check name f =
  match f () with
  | _ -> Printf.printf "%s: no exception\n" name
  | exception Invalid_argument s -> Printf.printf "%s: Invalid_argument %S\n" name s

let () =
  check "Array.make -1" (fun () -> Array.make (-1) 0);
  check "Array.make max+1" (fun () -> Array.make (Sys.max_array_length + 1) 0);
  check "Array.make float max+1" (fun () -> Array.make (Sys.max_array_length + 1) 1.5);
  check "Array.init max+1" (fun () -> Array.init (Sys.max_array_length + 1) float_of_int);
  check "Array.create_float max+1" (fun () -> Array.create_float (Sys.max_floatarray_length + 1));
  check "Float.Array.create -1" (fun () -> Float.Array.create (-1));
  check "Float.Array.create max+1" (fun () -> Float.Array.create (Sys.max_floatarray_length + 1));
  check "Float.Array.make max+1" (fun () -> Float.Array.make (Sys.max_floatarray_length + 1) 0.);
  check "Bytes.create max+1" (fun () -> Bytes.create (Sys.max_string_length + 1));
  check "Bytes.make -1" (fun () -> Bytes.make (-1) 'a');
  check "String.make max+1" (fun () -> String.make (Sys.max_string_length + 1) 'a');
  (* Array.of_list starts from its first element: 1.0 looks like an int on some targets *)
  let data = [ 1.0; 2.0; 5.0; 8.123; -100.456; 212e19 ] in
  let a = Array.of_list data in
  let b = Array.create_float (List.length data) in
  Array.blit a 0 b 0 (Array.length b);
  let c = Float.Array.of_list data in
  let d = Float.Array.create (List.length data) in
  Float.Array.blit c 0 d 0 (Float.Array.length c);
  Printf.printf "%b %b %d %d %b\n" (a = b) (c = d) (compare a b) (compare b a) (a <> b);
  b.(5) <- 0.5;
  Printf.printf "%d %d %b\n" (compare a b) (compare b a) (a < b);
  Printf.printf "%d\n" (compare (Array.make 3 2.0) [| 2.0; 2.0; 2.5 |]);
  Printf.printf "%b %b\n" (Array.make 2 1.0 = [| 1.0; 1.0 |]) ([| 1.0 |] = [| 1.0; 2.0 |])
