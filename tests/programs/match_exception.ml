(* match ... with exception: mixing value cases and exception cases, or-patterns over exceptions *)
exception Neg of int

let parse s = match int_of_string s with
  | n when n < 0 -> raise (Neg n)
  | n -> n

let classify s =
  match parse s with
  | 0 -> "zero"
  | n when n mod 2 = 0 -> "even " ^ string_of_int n
  | n -> "odd " ^ string_of_int n
  | exception Failure _ -> "not a number"
  | exception Neg n -> "negative " ^ string_of_int n

let lookup tbl k =
  match List.assoc k tbl with
  | v -> Some v
  | exception Not_found -> None

let () =
  List.iter (fun s -> print_endline (classify s)) [ "0"; "12"; "7"; "abc"; "-5"; "" ];
  let tbl = [ ("a", 1); ("b", 2) ] in
  List.iter
    (fun k -> match lookup tbl k with Some v -> Printf.printf "%s->%d\n" k v | None -> Printf.printf "%s missing\n" k)
    [ "a"; "z"; "b" ];
  let first_char s = match s.[0] with
    | c -> Printf.sprintf "'%c'" c
    | exception (Invalid_argument _ | Not_found) -> "none"
  in
  print_endline (first_char "hey");
  print_endline (first_char "");
  let rec read_all acc = function
    | [] -> List.rev acc
    | x :: rest -> (
        match if x = "stop" then raise Exit else String.length x with
        | n -> read_all (n :: acc) rest
        | exception Exit -> List.rev acc)
  in
  print_endline (String.concat "," (List.map string_of_int (read_all [] [ "a"; "bb"; "ccc"; "stop"; "dddd" ])))
