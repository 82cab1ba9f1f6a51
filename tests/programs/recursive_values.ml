(* Recursive values: let rec on data (cyclic lists, mutually recursive records), and recursive closures stored in data *)
type node = { id : int; mutable next : node }
type 'a stream = { hd : 'a; tl : 'a stream Lazy.t }

let rec ones = 1 :: ones
let rec alt_a = 'a' :: alt_b
and alt_b = 'b' :: alt_a

let rec take n l = if n = 0 then [] else match l with [] -> [] | x :: r -> x :: take (n - 1) r

let rec n1 = { id = 1; next = n2 }
and n2 = { id = 2; next = n3 }
and n3 = { id = 3; next = n1 }

let rec nat_from n = { hd = n; tl = lazy (nat_from (n + 1)) }

let () =
  print_endline (String.concat "" (List.map string_of_int (take 7 ones)));
  print_endline (String.init 9 (fun i -> List.nth alt_a i));
  let rec walk n k acc = if k = 0 then List.rev acc else walk n.next (k - 1) (n.id :: acc) in
  print_endline (String.concat "->" (List.map string_of_int (walk n1 8 [])));
  n2.next <- n1;
  print_endline (String.concat "->" (List.map string_of_int (walk n1 5 [])));
  let s = nat_from 10 in
  let s3 = Lazy.force (Lazy.force (Lazy.force s.tl).tl).tl in
  Printf.printf "stream: %d\n" s3.hd;
  let rec fact = fun n -> if n <= 1 then 1 else n * fact (n - 1) and table = [| fact; (fun n -> fact n + 1) |] in
  Printf.printf "table: %d %d\n" (table.(0) 5) (table.(1) 5);
  Printf.printf "physical cycle: %b\n" (List.tl (List.tl alt_a) == alt_a)
