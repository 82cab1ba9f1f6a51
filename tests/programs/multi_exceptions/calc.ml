(* Multi-module exceptions: a calculator raising exceptions defined in Errors, plus its own same-named exception *)
exception Shadowed

let parse_int pos s = match int_of_string_opt s with Some n -> n | None -> raise (Errors.Parse_error (pos, "not a number: " ^ s))

let eval tokens =
  let rec go acc = function
    | [] -> acc
    | "+" :: n :: rest -> go (acc + parse_int 1 n) rest
    | "-" :: n :: rest -> go (acc - parse_int 1 n) rest
    | "/" :: n :: rest -> let d = parse_int 1 n in if d = 0 then raise (Errors.Eval_error "division by zero") else go (acc / d) rest
    | "!" :: _ -> raise Shadowed
    | "?" :: _ -> raise Errors.Shadowed
    | op :: _ -> raise (Errors.Parse_error (0, "unknown operator " ^ op))
  in
  match tokens with [] -> raise (Errors.Eval_error "empty") | first :: rest -> go (parse_int 0 first) rest
