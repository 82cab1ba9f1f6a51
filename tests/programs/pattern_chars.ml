(* Pattern matching on chars: ranges, escapes, full classification of bytes 0..255 counted per class *)
let cls = function
  | 'a' .. 'z' -> 0
  | 'A' .. 'Z' -> 1
  | '0' .. '9' -> 2
  | ' ' | '\t' | '\n' | '\r' -> 3
  | '!' .. '/' | ':' .. '@' | '[' .. '`' | '{' .. '~' -> 4
  | '\000' .. '\031' | '\127' -> 5
  | '\128' .. '\255' -> 6

let escape = function
  | '\n' -> "\\n"
  | '\t' -> "\\t"
  | '\\' -> "\\\\"
  | '"' -> "\\\""
  | '\'' -> "\\'"
  | c -> String.make 1 c

let () =
  let counts = Array.make 7 0 in
  for i = 0 to 255 do
    let c = cls (Char.chr i) in
    counts.(c) <- counts.(c) + 1
  done;
  Array.iteri (fun i n -> Printf.printf "class %d: %d\n" i n) counts;
  print_endline (String.concat "" (List.map escape [ 'a'; '\n'; 'b'; '\t'; '\\'; '"'; '\'' ]));
  let rot13 c =
    match c with
    | 'a' .. 'z' -> Char.chr ((Char.code c - 97 + 13) mod 26 + 97)
    | 'A' .. 'Z' -> Char.chr ((Char.code c - 65 + 13) mod 26 + 65)
    | c -> c
  in
  print_endline (String.map rot13 "Hello, World!");
  print_endline (String.map rot13 (String.map rot13 "Hello, World!"))
