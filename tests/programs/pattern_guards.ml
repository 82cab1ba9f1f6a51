(* Pattern guards: when clauses with side effects, fallthrough order, guards referencing bound variables *)
let classify n =
  match n with
  | n when n < 0 -> "negative"
  | 0 -> "zero"
  | n when n mod 15 = 0 -> "fizzbuzz"
  | n when n mod 3 = 0 -> "fizz"
  | n when n mod 5 = 0 -> "buzz"
  | _ -> "number"

let evaluated = ref 0
let check x = incr evaluated; x > 2

let sel l =
  match l with
  | x :: _ when check x -> "first>2"
  | _ :: y :: _ when check y -> "second>2"
  | [ _; _; z ] when check z -> "third>2"
  | _ -> "none"

let () =
  List.iter (fun n -> Printf.printf "%d:%s " n (classify n)) [ -4; 0; 1; 3; 5; 15; 30; 7 ];
  print_newline ();
  List.iter (fun l -> print_string (sel l ^ " ")) [ [ 5 ]; [ 1; 5 ]; [ 1; 1; 5 ]; [ 1; 1; 1 ]; [] ];
  print_newline ();
  Printf.printf "guards evaluated: %d\n" !evaluated;
  let pairs = [ (1, 1); (2, 3); (4, 2); (5, 5) ] in
  List.iter
    (fun p ->
      print_endline
        (match p with
        | a, b when a = b -> "equal"
        | a, b when a < b -> Printf.sprintf "%d<%d" a b
        | a, b -> Printf.sprintf "%d>%d" a b))
    pairs;
  let opt_guard = function Some x when x > 10 -> "big" | Some x when x > 0 -> "small" | Some _ -> "nonpos" | None -> "none" in
  List.iter (fun o -> print_string (opt_guard o ^ " ")) [ Some 11; Some 1; Some 0; None ];
  print_newline ()
