(* A small JSON value type with a recursive pretty printer, string escaping and a tiny parser for round-tripping *)
type json = Null | Bool of bool | Int of int | Str of string | List of json list | Obj of (string * json) list

let escape s =
  let b = Buffer.create (String.length s) in
  String.iter
    (function
      | '"' -> Buffer.add_string b "\\\"" | '\\' -> Buffer.add_string b "\\\\" | '\n' -> Buffer.add_string b "\\n"
      | c when Char.code c < 32 -> Buffer.add_string b (Printf.sprintf "\\u%04x" (Char.code c))
      | c -> Buffer.add_char b c)
    s;
  Buffer.contents b

let rec compact = function
  | Null -> "null" | Bool b -> string_of_bool b | Int n -> string_of_int n | Str s -> "\"" ^ escape s ^ "\""
  | List l -> "[" ^ String.concat "," (List.map compact l) ^ "]"
  | Obj kv -> "{" ^ String.concat "," (List.map (fun (k, v) -> "\"" ^ escape k ^ "\":" ^ compact v) kv) ^ "}"

let rec pretty ind = function
  | List (_ :: _ as l) -> "[\n" ^ String.concat ",\n" (List.map (fun v -> String.make (ind + 2) ' ' ^ pretty (ind + 2) v) l) ^ "\n" ^ String.make ind ' ' ^ "]"
  | Obj (_ :: _ as kv) -> "{\n" ^ String.concat ",\n" (List.map (fun (k, v) -> String.make (ind + 2) ' ' ^ "\"" ^ escape k ^ "\": " ^ pretty (ind + 2) v) kv) ^ "\n" ^ String.make ind ' ' ^ "}"
  | v -> compact v

let parse s =
  let pos = ref 0 in
  let peek () = s.[!pos] and adv () = incr pos in
  let rec ws () = if !pos < String.length s && (peek () = ' ' || peek () = '\n') then (adv (); ws ()) in
  let expect c = ws (); if peek () <> c then failwith (Printf.sprintf "expected %c at %d" c !pos); adv () in
  let rec value () =
    ws ();
    match peek () with
    | 'n' -> pos := !pos + 4; Null
    | 't' -> pos := !pos + 4; Bool true
    | 'f' -> pos := !pos + 5; Bool false
    | '"' -> Str (str ())
    | '[' -> adv (); ws (); if peek () = ']' then (adv (); List []) else let rec items acc = let v = value () in ws (); if peek () = ',' then (adv (); items (v :: acc)) else (expect ']'; List (List.rev (v :: acc))) in items []
    | '{' -> adv (); ws (); if peek () = '}' then (adv (); Obj []) else let rec items acc = ws (); let k = str () in expect ':'; let v = value () in ws (); if peek () = ',' then (adv (); items ((k, v) :: acc)) else (expect '}'; Obj (List.rev ((k, v) :: acc))) in items []
    | _ -> let start = !pos in if peek () = '-' then adv (); while !pos < String.length s && peek () >= '0' && peek () <= '9' do adv () done; Int (int_of_string (String.sub s start (!pos - start)))
  and str () =
    expect '"';
    let b = Buffer.create 8 in
    let rec go () = match peek () with
      | '"' -> adv ()
      | '\\' -> adv (); (match peek () with 'n' -> Buffer.add_char b '\n' | 'u' -> Buffer.add_char b (Char.chr (int_of_string ("0x" ^ String.sub s (!pos + 1) 4))); pos := !pos + 4 | c -> Buffer.add_char b c); adv (); go ()
      | c -> Buffer.add_char b c; adv (); go ()
    in go (); Buffer.contents b
  in
  value ()

let () =
  let doc = Obj [ ("name", Str "lua_of_ocaml"); ("version", Int 1); ("tags", List [ Str "compiler"; Str "lua"; Str "quote\"d\n" ]);
                  ("nested", Obj [ ("empty_list", List []); ("empty_obj", Obj []); ("flags", List [ Bool true; Bool false; Null ]) ]); ("neg", Int (-42)); ("ctl", Str "\001") ] in
  let c = compact doc in
  print_endline c;
  print_endline (pretty 0 doc);
  let back = parse c in
  Printf.printf "roundtrip compact=%b\n" (back = doc);
  Printf.printf "roundtrip pretty=%b\n" (parse (pretty 0 doc) = doc)
