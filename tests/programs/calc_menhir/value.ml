(* calc_menhir: values of the calculator *)
type value = Int of int | List of value list

let rec show = function
  | Int n -> string_of_int n
  | List l -> "[" ^ String.concat "; " (List.map show l) ^ "]"
