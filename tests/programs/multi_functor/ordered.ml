(* Multi-module functors: module signatures and concrete ordered types *)
module type S = sig
  type t
  val compare : t -> t -> int
  val to_string : t -> string
end

module Int_desc : S with type t = int = struct
  type t = int
  let compare a b = compare b a
  let to_string = string_of_int
end

module Str_len : S with type t = string = struct
  type t = string
  let compare a b = match compare (String.length a) (String.length b) with 0 -> compare a b | c -> c
  let to_string s = s
end
