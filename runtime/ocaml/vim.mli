(** The most used parts of Neovim's Lua library ([vim.*]), typed.

    The whole API ([vim.api]) is in {!Nvim}; anything else is reachable with
    {!Lua} (for example [Lua.path (Vim.vim ()) ["lsp"; "buf"]]).

    While this module is linked, the program's standard output and error go to
    Neovim's message area (as Lua's [print] does), line by line. Callbacks run
    on Neovim's main loop; an OCaml exception escaping one is reported by Neovim
    as a Lua error with the exception's message. *)

val vim : unit -> Lua.t
(** The global [vim] table. Raises [Failure] outside Neovim. *)

(** {1 Messages} *)

type level = Trace | Debug | Info | Warn | Error | Off
(** [vim.log.levels]. *)

val notify : ?level:level -> ?title:string -> string -> unit
(** [vim.notify(msg, level, opts)] (default level: [Info]). *)

val echo : ?hl:string -> ?history:bool -> string -> unit
(** [nvim_echo] of one chunk with an optional highlight group (default: kept
    in the message history). *)

val inspect : Lua.t -> string
(** [vim.inspect(v)]: a readable rendering of any Lua value. *)

(** {1 Ex commands and Vimscript} *)

val cmd : string -> unit
(** [vim.cmd(command)]: runs an Ex command (or several, one per line). *)

val fn : string -> Lua.t list -> Lua.t
(** [fn "strftime" [Lua.of_string "%Y"]] calls a Vimscript function (builtin
    or user-defined) as [vim.fn.strftime("%Y")]. *)

val eval : string -> Lua.t
(** [vim.api.nvim_eval(expr)]: the value of a Vimscript expression. *)

(** {1 Scheduling} *)

val schedule : (unit -> unit) -> unit
(** [vim.schedule(f)]: runs [f] soon on the main loop, where the API may be
    called (use it from fast callbacks such as timers' and jobs'). *)

val defer_fn : int -> (unit -> unit) -> unit
(** [vim.defer_fn(f, ms)]. *)

val in_fast_event : unit -> bool

(** {1 Keymaps} *)

type rhs =
  | Keys of string  (** a key sequence, as in [:map] *)
  | Fn of (unit -> unit)  (** an OCaml function *)
  | Expr of (unit -> string)  (** an expression mapping: the keys to feed *)

val keymap_set :
  ?buffer:Nvim.Buffer.t ->
  ?desc:string ->
  ?silent:bool ->
  ?nowait:bool ->
  ?remap:bool ->
  string list ->
  string ->
  rhs ->
  unit
(** [keymap_set ["n"; "v"] "<leader>x" (Fn f)] is [vim.keymap.set] for those
    modes; [?buffer] makes it local to a buffer. *)

val keymap_del : ?buffer:Nvim.Buffer.t -> string list -> string -> unit

(** {1 Autocommands} *)

type autocmd_event = {
  id : int;  (** the autocommand's id *)
  event : string;  (** the event that fired, such as ["BufEnter"] *)
  group : int option;
  match_ : string;  (** [<amatch>] *)
  buf : Nvim.Buffer.t;  (** [<abuf>] *)
  file : string;  (** [<afile>] *)
  data : Lua.t;  (** event data, [Lua.nil] for most events *)
}

val create_augroup : ?clear:bool -> string -> int
(** [nvim_create_augroup] (default: clear the group's autocommands). *)

val create_autocmd :
  ?group:int ->
  ?pattern:string list ->
  ?buffer:Nvim.Buffer.t ->
  ?desc:string ->
  ?once:bool ->
  ?nested:bool ->
  string list ->
  (autocmd_event -> unit) ->
  int
(** [create_autocmd ["BufWritePost"] ~pattern:["*.ml"] f] is
    [nvim_create_autocmd] with an OCaml callback; the autocommand's id. *)

val del_autocmd : int -> unit

(** {1 User commands} *)

type command_args = {
  name : string;
  args : string;  (** [<args>]: the arguments as typed *)
  fargs : string list;  (** the arguments split on white space *)
  bang : bool;
  line1 : int;
  line2 : int;
  range : int;  (** number of items in the range: 0, 1 or 2 *)
  count : int;
  reg : string;
  mods : string;
  raw : Lua.t;  (** the whole Lua table Neovim passed *)
}

val create_user_command :
  ?buffer:Nvim.Buffer.t ->
  ?nargs:string ->
  ?desc:string ->
  ?bang:bool ->
  ?range:bool ->
  ?complete:string ->
  string ->
  (command_args -> unit) ->
  unit
(** [create_user_command "Hello" f] defines [:Hello]; [?nargs] is ["0"]
    (default), ["1"], ["*"], ["?"] or ["+"], and [?complete] a completion
    kind such as ["file"]. *)

val del_user_command : ?buffer:Nvim.Buffer.t -> string -> unit

(** {1 Options and variables} *)

val option : string -> Lua.t
(** [vim.o.name]: an option's (global or current-buffer/window) value. *)

val set_option : string -> Lua.t -> unit
val g : string -> Lua.t
(** [vim.g.name]: a global variable ([Lua.nil] when unset). *)

val set_g : string -> Lua.t -> unit
