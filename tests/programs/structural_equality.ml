(* Structural equality (=, <>) on nested data, strings, floats, records, lists; compare raising on functional values *)
type t = { a : int list; b : string; c : float array }

let () =
  let x = { a = [ 1; 2 ]; b = "s"; c = [| 1.0; 2.0 |] } in
  let y = { a = [ 1; 2 ]; b = "s"; c = [| 1.0; 2.0 |] } in
  let z = { x with c = [| 1.0; 2.5 |] } in
  Printf.printf "%b %b %b %b\n" (x = y) (x <> y) (x = z) (x <> z);
  Printf.printf "%b %b\n" ([ [ 1 ]; [ 2; 3 ] ] = [ [ 1 ]; [ 2; 3 ] ]) ([ [ 1 ]; [ 2; 3 ] ] = [ [ 1 ]; [ 2 ] ]);
  Printf.printf "%b %b\n" ("abc" = "ab" ^ "c") ("abc" = "abC");
  Printf.printf "%b %b\n" (Some (Some 1) = Some (Some 1)) (Some None = Some (Some ()));
  Printf.printf "%b %b %b\n" (0. = -0.) (nan = nan) (nan <> nan);
  Printf.printf "%b %b\n" ([| nan |] = [| nan |]) (compare [| nan |] [| nan |] = 0);
  Printf.printf "%b %b\n" ((1, 'a', "s", 1.5) = (1, 'a', "s", 1.5)) ((1, 2) = (2, 1));
  Printf.printf "%b\n" (Bytes.of_string "xy" = Bytes.of_string "xy");
  Printf.printf "%b %b\n" (`A 1 = `A 1) (`A 1 = `B 1);
  Printf.printf "%b\n" (Int64.of_int 5 = 5L);
  Printf.printf "%b %b\n" (ref 3 = ref 3) (let l = lazy 1 in l == l);
  (try Printf.printf "%b\n" ((fun x -> x) = (fun x -> x)) with Invalid_argument msg -> Printf.printf "Invalid_argument %S\n" msg);
  (try ignore (compare (fun () -> 1) (fun () -> 1)) with Invalid_argument msg -> Printf.printf "Invalid_argument %S\n" msg);
  let f = fun x -> x + 1 in
  Printf.printf "same closure physical: %b\n" (f == f);
  let big1 = List.init 10000 (fun i -> (i, string_of_int i)) and big2 = List.init 10000 (fun i -> (i, string_of_int i)) in
  Printf.printf "big equal=%b\n" (big1 = big2);
  Printf.printf "List.mem=%b assoc=%s\n" (List.mem [ 1; 2 ] [ [ 0 ]; [ 1; 2 ] ]) (List.assoc (2, "b") [ ((1, "a"), "first"); ((2, "b"), "second") ])
