(** Lua values from OCaml code compiled by lua_of_ocaml.

    A {!t} is any Lua value: the very Lua value, not a copy, so passing one
    back and forth costs nothing. The only exception is [nil], which OCaml
    values may not be: Lua's [nil] is {!nil} in OCaml and becomes [nil] again
    when it goes back to Lua. OCaml strings are Lua strings, ints and floats
    are Lua numbers (see docs/ffi.md for every representation).

    Functions that expect a given Lua type raise [Invalid_argument] with a
    message naming the expected and the actual type ("Lua.to_int: expected a
    number, got nil"). Lua errors raised by Lua code called from OCaml reach
    OCaml as [Failure msg]. *)

type t
(** A Lua value. Do not use OCaml's polymorphic comparison or hashing on
    values of this type (Lua functions and userdata have no OCaml order):
    use {!equal}. *)

(** {1 Values} *)

val nil : t
val is_nil : t -> bool

val typeof : t -> string
(** Lua's [type()]: ["nil"], ["boolean"], ["number"], ["string"],
    ["table"], ["function"], ["userdata"] or ["thread"]. *)

val equal : t -> t -> bool
(** Raw (physical) equality, as Lua's [rawequal]. *)

val to_debug_string : t -> string
(** Lua's [tostring()]. *)

(** {1 Conversions} *)

val of_string : string -> t
val to_string : t -> string
val of_int : int -> t
val to_int : t -> int
(** Truncates towards zero and wraps to 32 bits, like [int_of_float]. *)

val of_float : float -> t
val to_float : t -> float
val of_bool : bool -> t
val to_bool : t -> bool
(** Lua booleans only; see {!truthy} for Lua's notion of truth. *)

val truthy : t -> bool
(** [false] for [nil] and [false], [true] for everything else. *)

val of_option : ('a -> t) -> 'a option -> t
(** [None] is [nil]. *)

val to_option : (t -> 'a) -> t -> 'a option
(** [nil] is [None]. *)

val of_list : ('a -> t) -> 'a list -> t
(** A Lua sequence [{x1, x2, ...}]. *)

val to_list : (t -> 'a) -> t -> 'a list
(** The elements [t[1] .. t[#t]]. *)

val of_array : ('a -> t) -> 'a array -> t
val to_array : (t -> 'a) -> t -> 'a array

val of_assoc : ('a -> t) -> (string * 'a) list -> t
(** A table with string keys. *)

val to_assoc : (t -> 'a) -> t -> (string * 'a) list
(** The entries of a table whose keys are strings (other keys are skipped),
    in Lua's [pairs] order. *)

val table : (string * t) list -> t
(** [table ["a", of_int 1; "b", of_string "x"]] is [{a = 1, b = "x"}]. *)

(** {1 Tables} *)

val new_table : unit -> t
val get : t -> t -> t
(** [get t k] is [t[k]] (metamethods apply). *)

val set : t -> t -> t -> unit
(** [set t k v] is [t[k] = v]. *)

val field : t -> string -> t
(** [field t "name"] is [t.name]. *)

val set_field : t -> string -> t -> unit
val index : t -> int -> t
(** [index t i] is [t[i]] (Lua indices start at 1). *)

val set_index : t -> int -> t -> unit
val length : t -> int
(** Lua's [#]. *)

val pairs : t -> (t * t) list
(** All entries of a table, in Lua's [pairs] order. *)

val path : t -> string list -> t
(** [path v ["a"; "b"]] is [v.a.b]. *)

(** {1 Globals and modules} *)

val global : string -> t
val set_global : string -> t -> unit
(** A plugin shares the global table with every other plugin: prefer
    {!export}. *)

val require : string -> t
(** Lua's [require]. *)

(** {1 Calls} *)

val call : t -> t array -> t
(** [call f [|a; b|]] is [f(a, b)]: its first result ([nil] when none). *)

val call_multi : t -> t array -> t array
(** All the results of the call. *)

val call_method : t -> string -> t array -> t
(** [call_method o "m" [|a|]] is [o:m(a)]. *)

val call_global : string -> t array -> t
(** [call_global "print" args] calls a global function. *)

(** {1 OCaml functions as Lua functions}

    The result is a Lua function of the given number of parameters (missing
    arguments are [nil], extra arguments are dropped) that applies the OCaml
    function and returns its result. An OCaml exception escaping it becomes a
    Lua error whose message is [Printexc.to_string] of the exception; a Lua
    error raised by Lua code it called passes through unchanged. OCaml output
    buffered during the call is flushed when it returns. *)

val fn0 : (unit -> t) -> t
val fn1 : (t -> t) -> t
val fn2 : (t -> t -> t) -> t
val fn3 : (t -> t -> t -> t) -> t
val fn4 : (t -> t -> t -> t -> t) -> t
val fn5 : (t -> t -> t -> t -> t -> t) -> t

val fnv : (t array -> t) -> t
(** A Lua function of any number of arguments, which it receives as an
    array (trailing [nil]s included, as [select("#", ...)] counts them). *)

(** {1 Exporting}

    A chunk compiled with [--module] returns its exports table, so that
    [require("name")] in Lua gives the values exported here. *)

val export : string -> t -> unit
(** [export "setup" (fn0 setup)]: [require("name").setup()] calls [setup]. *)

val export_all : t -> unit
(** Copies every field of a table into the exports table. *)

val exports : unit -> t
(** The exports table itself. *)

(** {1 Errors} *)

val error : t -> 'a
(** Raises a Lua error with this value, as Lua's [error(v, 0)]. An OCaml
    [try] around it sees [Failure msg] when the value is a string. *)

(** {1 Unsafe} *)

module Unsafe : sig
  val inject : 'a -> t
  (** Any OCaml value, in its Lua representation (docs/ffi.md): for Lua code
      that knows that representation. *)

  val coerce : t -> 'a
  (** A Lua value used as an OCaml value of any type: the caller vouches for
      its representation. *)

  val eval : string -> t
  (** Loads and runs a chunk of Lua source; its first result. *)
end
