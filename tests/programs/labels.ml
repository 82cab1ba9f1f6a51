(* Labelled arguments: passing in any order, partial application by label, punning *)
let sub ~x ~y = x - y
let make_range ~start ~stop ~step =
  let rec go i acc = if i > stop then List.rev acc else go (i + step) (i :: acc) in
  go start []

let () =
  Printf.printf "%d %d\n" (sub ~x:10 ~y:3) (sub ~y:3 ~x:10);
  let x = 7 and y = 2 in
  Printf.printf "%d\n" (sub ~x ~y);
  let from_100 = sub ~x:100 in
  Printf.printf "%d\n" (from_100 ~y:1);
  let minus_5 = sub ~y:5 in
  Printf.printf "%d\n" (minus_5 ~x:50);
  let r = make_range ~step:3 ~start:1 ~stop:20 in
  print_endline (String.concat " " (List.map string_of_int r));
  let l = ListLabels.map ~f:(fun x -> x * x) [ 1; 2; 3 ] in
  print_endline (String.concat " " (List.map string_of_int l));
  let s = ListLabels.fold_left ~f:(fun acc x -> acc + x) ~init:0 [ 5; 6; 7 ] in
  Printf.printf "%d\n" s;
  let apply ~f v = f v in
  Printf.printf "%d\n" (apply ~f:(fun v -> v + 1) 41);
  let a = ArrayLabels.init 5 ~f:(fun i -> i * 10) in
  print_endline (String.concat "," (Array.to_list (Array.map string_of_int a)));
  let sl = StringLabels.sub "hello world" ~pos:6 ~len:5 in
  print_endline sl
