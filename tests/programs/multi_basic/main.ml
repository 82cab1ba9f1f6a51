(* Multi-module basic: main program using Util and Shapes, including their shared state *)
let () =
  let sq = Shapes.square 2 in
  let tr = Shapes.triangle Util.origin { Util.x = 1; y = 0 } { Util.x = 0; y = 1 } in
  print_endline (Shapes.describe sq);
  print_endline (Shapes.describe tr);
  print_endline (Shapes.describe (Shapes.translate { Util.x = 10; y = 20 } sq));
  Printf.printf "ids allocated: %d\n" !Util.counter;
  print_endline (Util.repeat 3 "ab");
  let open Util in
  Printf.printf "%s\n" (show (add { x = 1; y = 1 } { x = 2; y = 2 }))
