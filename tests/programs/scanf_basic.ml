(* Scanf.sscanf: parsing ints, floats, strings, chars and literal separators from strings *)
let () =
  let a, b = Scanf.sscanf "12 34" "%d %d" (fun a b -> (a, b)) in
  Printf.printf "%d\n" (a + b);
  let name, age = Scanf.sscanf "name=Alice age=30" "name=%s age=%d" (fun n a -> (n, a)) in
  Printf.printf "%s is %d\n" name age;
  let x, y = Scanf.sscanf "3.5,-2.25" "%f,%f" (fun x y -> (x, y)) in
  Printf.printf "%.2f\n" (x *. y);
  let c = Scanf.sscanf "[z]" "[%c]" Fun.id in
  Printf.printf "char %c\n" c;
  let h = Scanf.sscanf "ff" "%x" Fun.id in
  Printf.printf "hex %d\n" h;
  let q = Scanf.sscanf "\"quoted \\\"str\\\"\"" "%S" Fun.id in
  Printf.printf "quoted: %s\n" q;
  let parts = List.map (fun line -> Scanf.sscanf line "%s@:%d" (fun k v -> (k, v))) [ "apples:3"; "pears:10"; "kiwis:0" ] in
  List.iter (fun (k, v) -> Printf.printf "%s -> %d\n" k v) parts;
  (try ignore (Scanf.sscanf "abc" "%d" Fun.id) with Scanf.Scan_failure _ -> print_endline "scan failure");
  let total = Scanf.sscanf "1 2 3 4" "%d %d %d %d" (fun a b c d -> a + b + c + d) in
  Printf.printf "total %d\n" total
