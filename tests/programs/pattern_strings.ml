(* Pattern matching on strings: many string constants, empty string, guards, strings of different lengths *)
let command = function
  | "" -> "empty"
  | "start" | "begin" -> "starting"
  | "stop" | "end" -> "stopping"
  | "pause" -> "pausing"
  | "resume" -> "resuming"
  | "restart" -> "restarting"
  | "status" -> "reporting"
  | "a" -> "single a"
  | "abcdefghijklmnopqrstuvwxyz" -> "alphabet"
  | s when String.length s > 10 -> "long unknown"
  | s -> "unknown: " ^ s

let month_days = function
  | "jan" | "mar" | "may" | "jul" | "aug" | "oct" | "dec" -> 31
  | "apr" | "jun" | "sep" | "nov" -> 30
  | "feb" -> 28
  | _ -> 0

let () =
  List.iter (fun s -> print_endline (command s))
    [ ""; "start"; "begin"; "end"; "pause"; "resume"; "restart"; "status"; "a"; "b";
      "abcdefghijklmnopqrstuvwxyz"; "this is long"; "Start"; "start " ];
  let months = [ "jan"; "feb"; "mar"; "apr"; "may"; "jun"; "jul"; "aug"; "sep"; "oct"; "nov"; "dec"; "xyz" ] in
  List.iter (fun m -> Printf.printf "%s=%d " m (month_days m)) months;
  print_newline ();
  Printf.printf "total=%d\n" (List.fold_left (fun a m -> a + month_days m) 0 months);
  let s = String.make 3 'x' in
  (match s with "xxx" -> print_endline "built string matches" | _ -> print_endline "no match");
  let b = Bytes.of_string "sta" in
  let s2 = Bytes.to_string b ^ "rt" in
  print_endline (command s2)
