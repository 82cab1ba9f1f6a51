(* Format printers: pp_print_list with custom separators, %a, pp_print_string/int/float/bool, pp_print_text, option/result printers *)
let pp_int_list ppf l =
  Format.pp_print_list ~pp_sep:(fun ppf () -> Format.fprintf ppf ",@ ") Format.pp_print_int ppf l

type tree = Leaf of int | Node of tree list

let rec pp_tree ppf = function
  | Leaf n -> Format.fprintf ppf "%d" n
  | Node l -> Format.fprintf ppf "@[<hov 1>(%a)@]" (Format.pp_print_list ~pp_sep:Format.pp_print_space pp_tree) l

let () =
  Format.set_margin 40;
  Format.printf "@[<hov 2>[%a]@]@." pp_int_list (List.init 20 (fun i -> i * i));
  Format.printf "@[%a@]@." (Format.pp_print_list Format.pp_print_string) [ "default"; "sep"; "is"; "cut" ];
  Format.printf "@[<v>%a@]@." (Format.pp_print_list (fun ppf (k, v) -> Format.fprintf ppf "%s => %d" k v)) [ ("one", 1); ("two", 2); ("three", 3) ];
  Format.printf "empty:[%a]@." pp_int_list [];
  Format.printf "%a@." pp_tree (Node [ Leaf 1; Node [ Leaf 2; Leaf 3; Node [] ]; Node [ Node [ Leaf 4444; Leaf 55555 ]; Leaf 666666; Leaf 7777777; Leaf 88888888 ] ]);
  Format.printf "@[%a@]@." Format.pp_print_text "This text will be wrapped at spaces by the formatter because it is long.";
  Format.printf "%a %a %a %a@." Format.pp_print_int 5 Format.pp_print_float 2.5 Format.pp_print_bool false Format.pp_print_char 'z';
  let pp_opt = Format.pp_print_option ~none:(fun ppf () -> Format.pp_print_string ppf "None") Format.pp_print_int in
  Format.printf "%a %a@." pp_opt (Some 3) pp_opt None;
  let pp_res = Format.pp_print_result ~ok:Format.pp_print_int ~error:Format.pp_print_string in
  Format.printf "%a %a@." pp_res (Ok 1) pp_res (Error "bad");
  Format.printf "@[<h>%a@]@." (Format.pp_print_seq ~pp_sep:(fun ppf () -> Format.pp_print_string ppf "|") Format.pp_print_int) (List.to_seq [ 1; 2; 3 ])
