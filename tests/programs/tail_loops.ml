(* Self tail calls run as loops: closures made in an iteration keep that iteration's
   parameters, local recursive functions defined in the body work, and deep tail
   recursion needs no stack *)
let rec collect i acc = if i = 0 then acc else collect (i - 1) ((fun () -> i * 10) :: acc)

let rec with_local n acc =
  if n = 0 then acc
  else begin
    let rec count k = if k = 0 then 0 else 1 + count (k - 1) in
    let f = count in
    with_local (n - 1) (acc + f n)
  end

let rec sum_to n acc = if n = 0 then acc else sum_to (n - 1) (acc + n)

let rec find_first p = function
  | [] -> None
  | x :: rest -> if p x then Some x else find_first p rest

let rec gcd a b = if b = 0 then a else gcd b (a mod b)

let rec swap_loop a b n = if n = 0 then (a, b) else swap_loop b a (n - 1)

let () =
  List.iter (fun f -> Printf.printf "%d " (f ())) (collect 5 []);
  print_newline ();
  Printf.printf "with_local %d\n" (with_local 10 0);
  Printf.printf "sum_to %d\n" (sum_to 50_000 0);
  Printf.printf "find_first %s\n"
    (match find_first (fun x -> x > 3) [1; 5; 2; 7] with Some x -> string_of_int x | None -> "none");
  Printf.printf "gcd %d %d\n" (gcd 1071 462) (gcd 17 5);
  let (a, b) = swap_loop "x" "y" 5 in
  Printf.printf "swap %s %s\n" a b;
  let rec loop_with_exn i = if i > 5 then raise Exit else loop_with_exn (i + 1) in
  (try loop_with_exn 0 with Exit -> print_endline "exit raised from a loop")
