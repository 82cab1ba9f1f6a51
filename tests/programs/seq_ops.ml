(* Seq: lazy sequences with unfold, map, filter, flat_map, fold_left, append, infinite sequences consumed partially *)
let rec take n s () = if n = 0 then Seq.Nil else match s () with Seq.Nil -> Seq.Nil | Seq.Cons (x, r) -> Seq.Cons (x, take (n - 1) r)
let to_list s = List.rev (Seq.fold_left (fun acc x -> x :: acc) [] s)
let pl l = print_endline (String.concat " " (List.map string_of_int l))

let () =
  let nat = Seq.unfold (fun n -> Some (n, n + 1)) 0 in
  pl (to_list (take 10 nat));
  pl (to_list (take 5 (Seq.map (fun x -> x * x) nat)));
  pl (to_list (take 5 (Seq.filter (fun x -> x mod 3 = 0) nat)));
  pl (to_list (Seq.flat_map (fun x -> List.to_seq [ x; x * 10 ]) (List.to_seq [ 1; 2; 3 ])));
  pl (to_list (Seq.append (List.to_seq [ 1; 2 ]) (Seq.return 3)));
  pl (to_list (Seq.cons 0 (List.to_seq [ 1 ])));
  pl (to_list (Seq.filter_map (fun x -> if x > 2 then Some (-x) else None) (List.to_seq [ 1; 2; 3; 4 ])));
  let evaluated = ref 0 in
  let s = Seq.map (fun x -> incr evaluated; x) (List.to_seq [ 1; 2; 3; 4; 5 ]) in
  let first = take 2 s in
  Printf.printf "before force: %d\n" !evaluated;
  pl (to_list first);
  Printf.printf "after force: %d\n" !evaluated;
  Seq.iter (fun x -> Printf.printf "<%d>" x) (take 3 nat);
  print_newline ();
  let fibs = Seq.unfold (fun (a, b) -> Some (a, (b, a + b))) (0, 1) in
  pl (to_list (take 20 fibs));
  Printf.printf "empty=%d\n" (List.length (to_list Seq.empty));
  let chars = String.to_seq "hello" in
  print_endline (String.of_seq (Seq.map Char.uppercase_ascii chars));
  let arr = Array.of_seq (take 4 nat) in
  Printf.printf "array len=%d\n" (Array.length arr);
  let sum = Seq.fold_left ( + ) 0 (take 1000 nat) in
  Printf.printf "sum=%d\n" sum
