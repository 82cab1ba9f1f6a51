(* Allocation-heavy workload: millions of short-lived tuples/lists/closures/strings, a growing table, and explicit Gc calls *)
type tree = Leaf | Node of tree * int * tree

let rec make d = if d = 0 then Leaf else Node (make (d - 1), d, make (d - 1))
let rec check = function Leaf -> 0 | Node (l, v, r) -> v + check l + check r

let () =
  let acc = ref 0 in
  for i = 1 to 300_000 do
    let p = (i, i + 1) in
    let l = [ fst p; snd p ] in
    acc := (!acc + List.length l + snd p - fst p) mod 1_000_003
  done;
  Printf.printf "tuples: %d\n" !acc;
  let total = ref 0 in
  for d = 4 to 16 do total := !total + check (make d) done;
  Printf.printf "trees: %d\n" !total;
  let long_lived = make 14 in
  let s = ref 0 in
  for _ = 1 to 20 do s := !s + check (make 10) done;
  Printf.printf "mixed: %d %d\n" !s (check long_lived);
  Gc.full_major ();
  Gc.compact ();
  let strs = Array.init 10_000 (fun i -> String.make (i mod 50) (Char.chr (97 + (i mod 26)))) in
  Printf.printf "strings: %d\n" (Array.fold_left (fun a s -> a + String.length s) 0 strs);
  let closures = List.init 10_000 (fun i -> fun x -> x + i) in
  Printf.printf "closures: %d\n" (List.fold_left (fun a f -> (a + f 1) mod 1_000_003) 0 closures);
  let h = Hashtbl.create 16 in
  for i = 0 to 50_000 do Hashtbl.replace h (i mod 20_000) (string_of_int i) done;
  Printf.printf "table: %d %s\n" (Hashtbl.length h) (Hashtbl.find h 19_999);
  let r = ref [] in
  for i = 1 to 100_000 do r := i :: !r; if i mod 1000 = 0 then r := [] done;
  Printf.printf "final list: %d\n" (List.length !r)
