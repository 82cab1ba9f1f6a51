(* Option and Result modules: map/bind/value/get/fold/iter/join/to_list, Result error handling and chaining *)
let safe_div a b = if b = 0 then Error "division by zero" else Ok (a / b)
let parse s = match int_of_string_opt s with Some n -> Ok n | None -> Error ("bad int: " ^ s)
let show_res = function Ok v -> Printf.sprintf "Ok %d" v | Error e -> Printf.sprintf "Error %S" e
let show_opt = function Some v -> Printf.sprintf "Some %d" v | None -> "None"

let () =
  let o = Some 5 in
  print_endline (show_opt (Option.map (fun x -> x * 2) o));
  print_endline (show_opt (Option.bind o (fun x -> if x > 3 then Some (x - 3) else None)));
  print_endline (show_opt (Option.bind (Some 1) (fun x -> if x > 3 then Some x else None)));
  Printf.printf "%d %d\n" (Option.value o ~default:0) (Option.value None ~default:(-1));
  Printf.printf "%d\n" (Option.get o);
  Printf.printf "%b %b\n" (Option.is_some o) (Option.is_none o);
  Printf.printf "%s\n" (Option.fold ~none:"empty" ~some:string_of_int o);
  Option.iter (fun x -> Printf.printf "iter %d\n" x) o;
  print_endline (show_opt (Option.join (Some (Some 3))));
  Printf.printf "to_list=%d equal=%b compare=%d\n" (List.length (Option.to_list o)) (Option.equal ( = ) o (Some 5)) (Option.compare compare None o);
  Printf.printf "to_result: %s\n" (show_res (Option.to_result ~none:"nothing" None));
  let computation a b c =
    Result.bind (parse a) (fun x -> Result.bind (parse b) (fun y -> Result.bind (safe_div x y) (fun q -> Result.map (fun z -> q + z) (parse c))))
  in
  List.iter (fun (a, b, c) -> print_endline (show_res (computation a b c))) [ ("10", "2", "1"); ("10", "0", "1"); ("x", "2", "1"); ("9", "3", "y") ];
  let ( let* ) = Result.bind in
  let r = let* a = parse "6" in let* b = safe_div a 3 in Ok (a * b) in
  print_endline (show_res r);
  print_endline (show_res (Result.map_error String.uppercase_ascii (parse "q")));
  Printf.printf "%d %d\n" (Result.value (Ok 1) ~default:0) (Result.value (Error "e") ~default:0);
  Printf.printf "%b %b\n" (Result.is_ok (Ok 1)) (Result.is_error (Ok 1));
  Printf.printf "%s\n" (Result.fold ~ok:string_of_int ~error:(fun e -> "E:" ^ e) (safe_div 1 0));
  print_endline (show_opt (Result.to_option (Ok 3)));
  let results = List.map parse [ "1"; "2"; "x"; "4"; "y" ] in
  let oks = List.filter_map Result.to_option results in
  Printf.printf "oks=%s errors=%d\n" (String.concat "," (List.map string_of_int oks)) (List.length (List.filter Result.is_error results));
  let ( let+ ) o f = Option.map f o and ( and+ ) a b = match (a, b) with Some x, Some y -> Some (x, y) | _ -> None in
  print_endline (show_opt (let+ x = Some 3 and+ y = Some 4 in x * y))
