(* Nested try/with: inner handlers, handlers that don't match, exceptions escaping loops and closures *)
exception A
exception B of string
exception C

let trace = ref []
let note s = trace := s :: !trace

let nested x =
  try
    note "outer-start";
    (try
       note "inner-start";
       (try
          match x with
          | 0 -> raise A
          | 1 -> raise (B "one")
          | 2 -> raise C
          | _ -> note "no-exn"
        with A -> note "h3:A");
       note "inner-end"
     with B s -> note ("h2:B " ^ s));
    note "outer-end"
  with C -> note "h1:C"

let () =
  for i = 0 to 3 do
    trace := [];
    nested i;
    Printf.printf "%d: %s\n" i (String.concat " > " (List.rev !trace))
  done;
  let find_first p arr =
    let res = ref (-1) in
    (try Array.iteri (fun i x -> if p x then begin res := i; raise Exit end) arr with Exit -> ());
    !res
  in
  Printf.printf "%d %d\n" (find_first (fun x -> x > 3) [| 1; 5; 2; 7 |]) (find_first (fun x -> x > 10) [| 1 |]);
  let r =
    try
      let l = [ 1; 2; 3 ] in
      List.fold_left (fun acc x -> if x = 3 then raise (B (string_of_int acc)) else acc + x) 0 l
    with B s -> int_of_string s * 100
  in
  Printf.printf "r=%d\n" r;
  let v = try (try raise A with B _ -> 1) with A -> 2 in
  Printf.printf "v=%d\n" v;
  let w = try (try raise A with A -> raise C) with C -> 3 | A -> 4 in
  Printf.printf "w=%d\n" w
