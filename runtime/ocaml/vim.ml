(* The most used parts of vim.*, typed (see vim.mli). *)

external redirect_output : unit -> unit = "caml_nvim_redirect_output"

let () = redirect_output ()

let vim () =
  let v = Lua.global "vim" in
  if Lua.is_nil v then failwith "Vim: not running in Neovim (no global vim)";
  v

let vim_field name = Lua.field (vim ()) name
let str = Lua.of_string
let id v = v

(* An options table from the options that were given. *)
let opts l =
  Lua.table (List.fold_right (fun (k, v) acc -> match v with Some v -> (k, v) :: acc | None -> acc) l [])

let some f = function Some x -> Some (f x) | None -> None
let buffer_opt b = some Nvim.Buffer.to_lua b

type level = Trace | Debug | Info | Warn | Error | Off

(* vim.log.levels *)
let level_number = function Trace -> 0 | Debug -> 1 | Info -> 2 | Warn -> 3 | Error -> 4 | Off -> 5

let notify ?(level = Info) ?title msg =
  ignore
    (Lua.call (vim_field "notify")
       [| str msg; Lua.of_int (level_number level); opts [ ("title", some str title) ] |])

let echo ?hl ?(history = true) msg =
  let chunk = Lua.of_list id (str msg :: (match hl with Some h -> [ str h ] | None -> [])) in
  ignore (Nvim.echo [ chunk ] history (Lua.table []))

let inspect v = Lua.to_string (Lua.call (vim_field "inspect") [| v |])

let cmd c = ignore (Lua.call (vim_field "cmd") [| str c |])
let fn name args = Lua.call (Lua.field (vim_field "fn") name) (Array.of_list args)
let eval expr = Nvim.eval expr

let unit_callback f = Lua.fn0 (fun () -> f (); Lua.nil)
let schedule f = ignore (Lua.call (vim_field "schedule") [| unit_callback f |])

let defer_fn ms f =
  ignore (Lua.call (vim_field "defer_fn") [| unit_callback f; Lua.of_int ms |])

let in_fast_event () = Lua.truthy (Lua.call (vim_field "in_fast_event") [||])

type rhs = Keys of string | Fn of (unit -> unit) | Expr of (unit -> string)

let keymap_set ?buffer ?desc ?silent ?nowait ?remap modes lhs rhs =
  let rhs_value, expr =
    match rhs with
    | Keys k -> (str k, None)
    | Fn f -> (unit_callback f, None)
    | Expr f -> (Lua.fn0 (fun () -> str (f ())), Some (Lua.of_bool true))
  in
  let o =
    opts
      [
        ("buffer", buffer_opt buffer);
        ("desc", some str desc);
        ("silent", some Lua.of_bool silent);
        ("nowait", some Lua.of_bool nowait);
        ("remap", some Lua.of_bool remap);
        ("expr", expr);
      ]
  in
  ignore
    (Lua.call (Lua.field (vim_field "keymap") "set") [| Lua.of_list str modes; str lhs; rhs_value; o |])

let keymap_del ?buffer modes lhs =
  ignore
    (Lua.call
       (Lua.field (vim_field "keymap") "del")
       [| Lua.of_list str modes; str lhs; opts [ ("buffer", buffer_opt buffer) ] |])

type autocmd_event = {
  id : int;
  event : string;
  group : int option;
  match_ : string;
  buf : Nvim.Buffer.t;
  file : string;
  data : Lua.t;
}

(* Fields of a table Neovim passes, with a default when absent. *)
let get conv t name default =
  let v = Lua.field t name in
  if Lua.is_nil v then default else conv v

let event_of t =
  {
    id = get Lua.to_int t "id" 0;
    event = get Lua.to_string t "event" "";
    group = get (fun v -> Some (Lua.to_int v)) t "group" None;
    match_ = get Lua.to_string t "match" "";
    buf = get Nvim.Buffer.of_lua t "buf" Nvim.Buffer.current;
    file = get Lua.to_string t "file" "";
    data = Lua.field t "data";
  }

let create_augroup ?(clear = true) name =
  Nvim.create_augroup name (Lua.table [ ("clear", Lua.of_bool clear) ])

let create_autocmd ?group ?pattern ?buffer ?desc ?once ?nested events f =
  let callback = Lua.fn1 (fun t -> f (event_of t); Lua.nil) in
  let o =
    opts
      [
        ("group", some Lua.of_int group);
        ("pattern", some (Lua.of_list str) pattern);
        ("buffer", buffer_opt buffer);
        ("desc", some str desc);
        ("once", some Lua.of_bool once);
        ("nested", some Lua.of_bool nested);
        ("callback", Some callback);
      ]
  in
  Nvim.create_autocmd (Lua.of_list str events) o

let del_autocmd id = Nvim.del_autocmd id

type command_args = {
  name : string;
  args : string;
  fargs : string list;
  bang : bool;
  line1 : int;
  line2 : int;
  range : int;
  count : int;
  reg : string;
  mods : string;
  raw : Lua.t;
}

let command_args_of t =
  {
    name = get Lua.to_string t "name" "";
    args = get Lua.to_string t "args" "";
    fargs = get (Lua.to_list Lua.to_string) t "fargs" [];
    bang = get Lua.truthy t "bang" false;
    line1 = get Lua.to_int t "line1" 0;
    line2 = get Lua.to_int t "line2" 0;
    range = get Lua.to_int t "range" 0;
    count = get Lua.to_int t "count" (-1);
    reg = get Lua.to_string t "reg" "";
    mods = get Lua.to_string t "mods" "";
    raw = t;
  }

let create_user_command ?buffer ?nargs ?desc ?bang ?range ?complete name f =
  let callback = Lua.fn1 (fun t -> f (command_args_of t); Lua.nil) in
  let o =
    opts
      [
        ("nargs", some str nargs);
        ("desc", some str desc);
        ("bang", some Lua.of_bool bang);
        ("range", some Lua.of_bool range);
        ("complete", some str complete);
      ]
  in
  match buffer with
  | Some b -> Nvim.buf_create_user_command b name callback o
  | None -> Nvim.create_user_command name callback o

let del_user_command ?buffer name =
  match buffer with
  | Some b -> Nvim.buf_del_user_command b name
  | None -> Nvim.del_user_command name

let option name = Lua.field (vim_field "o") name
let set_option name v = Lua.set_field (vim_field "o") name v
let g name = Lua.field (vim_field "g") name
let set_g name v = Lua.set_field (vim_field "g") name v
