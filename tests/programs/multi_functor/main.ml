(* Multi-module functors: instantiating Heap.Make with orderings from another module and with a local one *)
module IH = Heap.Make (Ordered.Int_desc)
module SH = Heap.Make (Ordered.Str_len)
module FH = Heap.Make (struct type t = float let compare = compare let to_string = Printf.sprintf "%.2f" end)

let () =
  print_endline (IH.show (IH.of_list [ 5; 1; 9; 3; 7; 2; 8 ]));
  print_endline (SH.show (SH.of_list [ "ccc"; "a"; "bb"; "aa"; "dddd"; "b" ]));
  print_endline (FH.show (FH.of_list [ 2.5; -1.0; 3.25; 0.0 ]));
  let big = IH.of_list (List.init 1000 (fun i -> (i * 37) mod 1000)) in
  let l = IH.to_sorted_list big in
  Printf.printf "big: %d %d %d\n" (List.length l) (List.hd l) (List.nth l 999)
