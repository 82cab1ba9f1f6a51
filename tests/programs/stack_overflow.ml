(* Infinite non-tail recursion raises Stack_overflow, which is caught and reported *)
let rec f n = 1 + f (n + 1)

let () =
  try ignore (f 0); print_endline "unreachable" with Stack_overflow -> print_endline "caught"
