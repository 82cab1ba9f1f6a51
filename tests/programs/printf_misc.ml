(* Printf: %a and %t with custom printers, sprintf/bprintf/ksprintf/fprintf stdout/eprintf-free, ifprintf, format strings as values *)
type point = { x : int; y : int }

let pp_point oc p = Printf.fprintf oc "(%d,%d)" p.x p.y
let pp_list pp oc l = List.iteri (fun i x -> if i > 0 then output_string oc "; "; pp oc x) l
let now oc = output_string oc "<t>"
let bp_point b p = Printf.bprintf b "P%d.%d" p.x p.y

let () =
  Printf.printf "point %a here\n" pp_point { x = 1; y = 2 };
  Printf.printf "list [%a]\n" (pp_list pp_point) [ { x = 1; y = 1 }; { x = 2; y = 3 } ];
  Printf.printf "time %t and %t\n" now now;
  let s = Printf.sprintf "%a" (fun () p -> Printf.sprintf "{%d}" p.x) { x = 9; y = 0 } in
  print_endline s;
  let b = Buffer.create 10 in
  Printf.bprintf b "[%a]" bp_point { x = 4; y = 5 };
  print_endline (Buffer.contents b);
  let r = Printf.ksprintf (fun s -> String.length s) "%s-%d" "abc" 12345 in
  Printf.printf "ksprintf len=%d\n" r;
  Printf.ksprintf print_endline "ksprintf again %d" 7;
  Printf.fprintf stdout "fprintf %s\n" "stdout";
  Printf.ifprintf stdout "never %d\n" 1;
  let fmt : (int -> string -> unit, out_channel, unit) format = "fmt value %d %s\n" in
  Printf.printf fmt 1 "a";
  Printf.printf fmt 2 "b";
  let f2 = "%d+" ^^ "%d=%d\n" in
  Printf.printf f2 1 2 3;
  print_endline (string_of_format "%d and %s");
  let fmt_of_str = Scanf.format_from_string "%d/%d" "%d/%d" in
  print_endline (Printf.sprintf fmt_of_str 3 4);
  let k = Printf.sprintf "%s %s" "partial" in
  print_endline (k "application")
