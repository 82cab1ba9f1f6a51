(* Either module: Left/Right, is_left, find_left, map_left/right, fold, List.partition_map *)
let show = function Either.Left n -> Printf.sprintf "Left %d" n | Either.Right s -> Printf.sprintf "Right %s" s

let () =
  let xs = [ Either.Left 1; Either.Right "a"; Either.Left 2; Either.Right "b" ] in
  List.iter (fun e -> print_endline (show e)) xs;
  Printf.printf "%b %b\n" (Either.is_left (Either.Left 1)) (Either.is_right (Either.Left 1));
  Printf.printf "%s\n" (match Either.find_left (Either.Left 5) with Some n -> string_of_int n | None -> "none");
  Printf.printf "%s\n" (match Either.find_right (Either.Left 5) with Some s -> s | None -> "none");
  print_endline (show (Either.map_left (fun n -> n * 10) (Either.Left 4)));
  print_endline (show (Either.map_right String.uppercase_ascii (Either.Right "up")));
  print_endline (show (Either.map ~left:succ ~right:(fun s -> s ^ s) (Either.Right "x")));
  Printf.printf "%s\n" (Either.fold ~left:string_of_int ~right:(fun s -> s) (Either.Left 99));
  let ints, strs = List.partition_map (fun x -> if x mod 2 = 0 then Either.Left x else Either.Right (string_of_int x)) [ 1; 2; 3; 4; 5 ] in
  Printf.printf "%s | %s\n" (String.concat "," (List.map string_of_int ints)) (String.concat "," strs);
  Printf.printf "equal=%b\n" (Either.equal ~left:( = ) ~right:String.equal (Either.Right "a") (Either.Right "a"))
