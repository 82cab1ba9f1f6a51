(* Obj.reachable_words (sharing, cycles, strings, floats, int64) and Obj.new_block's refusals (custom blocks, empty strings) *)
let size x = Obj.reachable_words (Obj.repr x)

type t = A of int | B of t * t

let () =
  let x = Sys.opaque_identity 3 in
  Printf.printf "%d %d %d\n" (size 42) (size [| x |]) (size [| x; 0 |]);
  let a = A x in
  Printf.printf "%d %d %d\n" (size a) (size (B (a, a))) (size (B (a, A (x + 1))));
  let rec b = B (a, b) in
  Printf.printf "%d\n" (size b);
  Printf.printf "%d %d %d\n" (size "abc") (size (Bytes.make 17 'a')) (size ("abcdefgh", 1.5, [||]));
  Printf.printf "%d %d %d\n" (size [| 1.5; 2.5 |]) (size (Array.init 10 (fun i -> i)))
    (size (Some (Int64.of_int x)));
  Printf.printf "%d\n" (size [ (1, "x"); (2, "yy") ]);
  List.iter
    (fun (tag, n) ->
      match Obj.new_block tag n with
      | _ -> Printf.printf "new_block %d %d: ok\n" tag n
      | exception Invalid_argument s -> Printf.printf "new_block %d %d: Invalid_argument %s\n" tag n s)
    [ (255, 1); (252, 0); (0, 2); (254, 3) ]
