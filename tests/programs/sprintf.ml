(* sprintf building strings: tables, mixed formats, repeated formatting, large strings *)
let row name qty price = Printf.sprintf "| %-10s | %5d | %9.2f |" name qty price

let () =
  let items = [ ("apple", 3, 0.5); ("banana", 12, 0.25); ("cherry", 100, 12.125); ("kiwi", 0, 1000.) ] in
  let sep = "+" ^ String.make 12 '-' ^ "+" ^ String.make 7 '-' ^ "+" ^ String.make 11 '-' ^ "+" in
  print_endline sep;
  List.iter (fun (n, q, p) -> print_endline (row n q p)) items;
  print_endline sep;
  let total = List.fold_left (fun acc (_, q, p) -> acc +. (float_of_int q *. p)) 0. items in
  print_endline (Printf.sprintf "| %-10s | %5s | %9.2f |" "total" "" total);
  let s = String.concat "" (List.init 50 (fun i -> Printf.sprintf "%02d," i)) in
  Printf.printf "%d %s\n" (String.length s) (String.sub s 0 30);
  let big = Printf.sprintf "%s%s" (String.make 5000 'x') (String.make 5000 'y') in
  Printf.printf "big=%d %c%c\n" (String.length big) big.[4999] big.[5000];
  Printf.printf "%s\n" (Printf.sprintf "%d-%s-%c-%b-%.1f-%x" 1 "two" '3' true 4.0 255);
  Printf.printf "%s\n" (Printf.sprintf "%5.1f%%" 99.5)
