(* Extensible variant types: type t = .., adding constructors with +=, matching with a default case, across modules *)
type event = ..
type event += Click of int * int | Key of char

module Net = struct
  type event += Packet of string
end

type event += Timer

let describe = function
  | Click (x, y) -> Printf.sprintf "click at %d,%d" x y
  | Key c -> Printf.sprintf "key %C" c
  | Net.Packet p -> "packet " ^ p
  | Timer -> "timer"
  | _ -> "unknown event"

type event += Unknown_later

let () =
  List.iter (fun e -> print_endline (describe e)) [ Click (1, 2); Key 'q'; Net.Packet "data"; Timer; Unknown_later ];
  Printf.printf "%b %b\n" (Click (1, 2) = Click (1, 2)) (Timer = Unknown_later);
  let module M = struct type event += Local of int end in
  print_endline (describe (M.Local 3));
  (match M.Local 3 with M.Local n -> Printf.printf "local %d\n" n | _ -> ());
  print_endline (Printexc.to_string (Failure "exceptions are extensible too"))
