(* Lua values from OCaml. The primitives are in runtime/lua/lua_interop.lua;
   docs/ffi.md describes the contract. *)

type t

external nil_value : unit -> t = "caml_lua_nil"
external is_nil : t -> bool = "caml_lua_is_nil"
external typeof : t -> string = "caml_lua_typeof"
external equal : t -> t -> bool = "caml_lua_equal"
external to_debug_string : t -> string = "caml_lua_tostring"

let nil = nil_value ()

external of_string : string -> t = "caml_lua_of_string"
external to_string : t -> string = "caml_lua_to_string"
external of_int : int -> t = "%identity"
external to_int : t -> int = "caml_lua_to_int"
external of_float : float -> t = "%identity"
external to_float : t -> float = "caml_lua_to_float"
external of_bool : bool -> t = "caml_lua_of_bool"
external to_bool : t -> bool = "caml_lua_to_bool"
external truthy : t -> bool = "caml_lua_truthy"

external new_table : unit -> t = "caml_lua_new_table"
external get : t -> t -> t = "caml_lua_get"
external set : t -> t -> t -> unit = "caml_lua_set"
external field : t -> string -> t = "caml_lua_get_field"
external set_field : t -> string -> t -> unit = "caml_lua_set_field"
external index : t -> int -> t = "caml_lua_get_index"
external set_index : t -> int -> t -> unit = "caml_lua_set_index"
external length : t -> int = "caml_lua_length"
external pairs : t -> (t * t) list = "caml_lua_pairs"
external table_of_array : t array -> t = "caml_lua_table_of_array"
external array_of_table : t -> t array = "caml_lua_array_of_table"

external global : string -> t = "caml_lua_global"
external set_global : string -> t -> unit = "caml_lua_set_global"
external require : string -> t = "caml_lua_require"

external call : t -> t array -> t = "caml_lua_call"
external call_multi : t -> t array -> t array = "caml_lua_call_multi"
external call_method : t -> string -> t array -> t = "caml_lua_call_method"

external callback : 'f -> int -> t = "caml_lua_callback"
external callback_var : (t array -> t) -> t = "caml_lua_callback_var"

external export : string -> t -> unit = "caml_lua_export"
external export_all : t -> unit = "caml_lua_export_all"
external exports : unit -> t = "caml_lua_exports"

external error : t -> 'a = "caml_lua_error"

(* Callbacks report OCaml exceptions to Lua with Printexc.to_string, so that
   printers registered by the program apply. *)
let () = Callback.register "lua_of_ocaml.exn_to_string" Printexc.to_string

let of_option f = function None -> nil | Some x -> f x
let to_option f v = if is_nil v then None else Some (f v)

let of_array f a = table_of_array (Array.map f a)
let to_array f v = Array.map f (array_of_table v)
let of_list f l = table_of_array (Array.of_list (List.map f l))
let to_list f v = Array.to_list (to_array f v)

let of_assoc f l =
  let t = new_table () in
  List.iter (fun (k, v) -> set_field t k (f v)) l;
  t

let table l = of_assoc (fun v -> v) l

let to_assoc f v =
  List.fold_right
    (fun (k, x) acc -> if typeof k = "string" then (to_string k, f x) :: acc else acc)
    (pairs v) []

let path v names = List.fold_left field v names

let call_global name args = call (global name) args

let fn0 (f : unit -> t) = callback f 0
let fn1 (f : t -> t) = callback f 1
let fn2 (f : t -> t -> t) = callback f 2
let fn3 (f : t -> t -> t -> t) = callback f 3
let fn4 (f : t -> t -> t -> t -> t) = callback f 4
let fn5 (f : t -> t -> t -> t -> t -> t) = callback f 5
let fnv f = callback_var f

module Unsafe = struct
  external inject : 'a -> t = "%identity"
  external coerce : t -> 'a = "%identity"
  external eval : string -> t = "caml_lua_eval"
end
