(* References: ref, !, :=, incr/decr, refs in closures and data structures, ref to lists, swapping *)
let () =
  let r = ref 10 in
  r := !r + 5;
  incr r;
  decr r; decr r;
  Printf.printf "r=%d\n" !r;
  let a = ref 1 and b = ref 2 in
  let swap x y = let t = !x in x := !y; y := t in
  swap a b;
  Printf.printf "a=%d b=%d\n" !a !b;
  let lst = ref [] in
  for i = 1 to 5 do lst := i :: !lst done;
  print_endline (String.concat "," (List.map string_of_int !lst));
  let rr = ref (ref 0) in
  !rr := 7;
  let inner = !rr in
  rr := ref 99;
  Printf.printf "inner=%d outer=%d\n" !inner !(!rr);
  let refs = Array.init 3 (fun i -> ref (i * 100)) in
  Array.iter (fun r -> r := !r + 1) refs;
  Array.iter (fun r -> Printf.printf "%d " !r) refs;
  print_newline ();
  let shared = ref 0 in
  let fs = List.init 4 (fun i -> fun () -> shared := !shared + i) in
  List.iter (fun f -> f (); f ()) fs;
  Printf.printf "shared=%d\n" !shared;
  let s = ref "" in
  String.iter (fun c -> s := String.make 1 c ^ !s) "reverse";
  print_endline !s;
  let fr = ref 0.5 in
  fr := !fr *. 3.;
  Printf.printf "%.2f\n" !fr;
  Printf.printf "phys=%b struct=%b\n" (ref 1 == ref 1) (ref 1 = ref 1)
