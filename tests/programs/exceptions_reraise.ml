(* Re-raising exceptions: raise inside handlers, raise_notrace, Printexc.raise_with_backtrace-free reraise *)
exception E of int

let log = Buffer.create 64

let f n =
  try if n > 0 then raise (E n) else n
  with E k as ex ->
    Buffer.add_string log (Printf.sprintf "[f saw %d]" k);
    raise ex

let g n =
  try f n with
  | E k when k > 10 -> Buffer.add_string log "[g big]"; raise (E (k * 2))
  | E k -> Buffer.add_string log "[g small]"; raise (Failure (string_of_int k))

let () =
  (try ignore (g 5) with Failure s -> Printf.printf "failure %s\n" s);
  (try ignore (g 50) with E k -> Printf.printf "E %d\n" k);
  Printf.printf "g 0 = %d\n" (g 0);
  print_endline (Buffer.contents log);
  (try (try raise_notrace (E 1) with E n -> raise_notrace (E (n + 1))) with E n -> Printf.printf "notrace %d\n" n);
  let rec deep n = if n = 0 then raise (E 0) else try deep (n - 1) with E k -> raise (E (k + 1)) in
  (try deep 100 with E k -> Printf.printf "deep %d\n" k);
  let protect_count = ref 0 in
  let wrap f = try f () with e -> incr protect_count; raise e in
  (try wrap (fun () -> wrap (fun () -> raise Not_found)) with Not_found -> Printf.printf "wrapped %d\n" !protect_count)
