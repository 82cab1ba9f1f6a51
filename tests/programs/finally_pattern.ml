(* Finally-like patterns: Fun.protect, manual cleanup with re-raise, cleanup order *)
let log = ref []
let say s = log := s :: !log

let with_resource name f =
  say ("open " ^ name);
  match f () with
  | v -> say ("close " ^ name); v
  | exception e -> say ("close(exn) " ^ name); raise e

let () =
  let v = with_resource "a" (fun () -> with_resource "b" (fun () -> 42)) in
  Printf.printf "v=%d\n" v;
  (try ignore (with_resource "c" (fun () -> with_resource "d" (fun () -> failwith "boom"))) with Failure m -> say ("caught " ^ m));
  List.iter print_endline (List.rev !log);
  log := [];
  let r = Fun.protect ~finally:(fun () -> say "finally1") (fun () -> say "body1"; 10) in
  Printf.printf "r=%d\n" r;
  (try Fun.protect ~finally:(fun () -> say "finally2") (fun () -> say "body2"; raise Not_found) with Not_found -> say "not_found");
  (try Fun.protect ~finally:(fun () -> raise Exit) (fun () -> ())
   with Fun.Finally_raised Exit -> say "finally raised Exit");
  List.iter print_endline (List.rev !log);
  let counter = ref 0 in
  for i = 1 to 5 do
    try
      Fun.protect ~finally:(fun () -> incr counter) (fun () -> if i mod 2 = 0 then raise Exit)
    with Exit -> ()
  done;
  Printf.printf "counter=%d\n" !counter
