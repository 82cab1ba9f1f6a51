(* A Neovim plugin written in OCaml.

   :WordCount           reports the number of words (and lines) of the buffer,
   :'<,'>WordCount      ... of the selected lines;
   <leader>ts           tidies the current line: trims it and squeezes runs of
                        blanks into one space.

   Built with `lua_of_ocaml compile wordcount.ml --module -o lua/wordcount.lua`;
   plugin/wordcount.lua calls require("wordcount").setup(). *)

let is_blank c = c = ' ' || c = '\t'

(* Words of a line: maximal runs of non-blank characters. *)
let count_words line =
  let n = ref 0 and in_word = ref false in
  String.iter
    (fun c ->
      if is_blank c then in_word := false
      else if not !in_word then (
        in_word := true;
        incr n))
    line;
  !n

let tidy line =
  let b = Buffer.create (String.length line) in
  let pending_space = ref false in
  String.iter
    (fun c ->
      if is_blank c then pending_space := Buffer.length b > 0
      else (
        if !pending_space then Buffer.add_char b ' ';
        pending_space := false;
        Buffer.add_char b c))
    line;
  Buffer.contents b

let word_count (args : Vim.command_args) =
  let buf = Nvim.get_current_buf () in
  let first, last =
    if args.range > 0 then (args.line1 - 1, args.line2) else (0, Nvim.buf_line_count buf)
  in
  let lines = Nvim.buf_get_lines buf first last false in
  let words = List.fold_left (fun acc l -> acc + count_words l) 0 lines in
  let nlines = List.length lines in
  Nvim.buf_set_var buf "wordcount" (Lua.of_int words);
  Vim.notify
    (Printf.sprintf "%d word%s, %d line%s" words
       (if words = 1 then "" else "s")
       nlines
       (if nlines = 1 then "" else "s"))

let tidy_current_line () = Nvim.set_current_line (tidy (Nvim.get_current_line ()))

(* setup({ keymap = "<leader>ts" }): options may be absent. *)
let setup opts =
  let keymap =
    if Lua.typeof opts = "table" then Lua.to_option Lua.to_string (Lua.field opts "keymap")
    else None
  in
  let keymap = Option.value keymap ~default:"<leader>ts" in
  Vim.create_user_command "WordCount" ~range:true ~desc:"Count the words of the buffer or range"
    word_count;
  Vim.keymap_set [ "n" ] keymap (Vim.Fn tidy_current_line) ~desc:"Tidy the blanks of the line";
  Lua.nil

let () =
  Lua.export "setup" (Lua.fn1 setup);
  Lua.export "count_words" (Lua.fn1 (fun s -> Lua.of_int (count_words (Lua.to_string s))));
  Lua.export "tidy" (Lua.fn1 (fun s -> Lua.of_string (tidy (Lua.to_string s))))
