(* Scenarios for the Neovim bindings (tests/nvim/test_nvim_bindings.py): each
   exported function drives Neovim through Nvim or Vim and returns a table of
   what it observed. *)

open Lua

let s = of_string
let i = of_int
let b = of_bool
let strings l = of_list of_string l

let failure f = try ignore (f ()); s "no error" with Failure m -> s m

(* The generated API bindings on real functions. *)
let api () =
  let buf = Nvim.get_current_buf () in
  Nvim.buf_set_lines buf 0 (-1) false [ "alpha"; "beta"; "gamma" ];
  let lines = Nvim.buf_get_lines buf 0 (-1) false in
  let scratch = Nvim.create_buf false true in
  Nvim.buf_set_lines scratch 0 (-1) true [ "scratch line" ];
  Nvim.win_set_cursor Nvim.Window.current (2, 3);
  let row, col = Nvim.win_get_cursor (Nvim.get_current_win ()) in
  Nvim.set_var "ocaml_var" (i 5);
  let fired = ref 0 in
  let au =
    Nvim.create_autocmd (s "User")
      (table [ ("pattern", s "OcamlApiTest"); ("callback", fn1 (fun _ -> incr fired; nil)) ])
  in
  Nvim.exec_autocmds (s "User") (table [ ("pattern", s "OcamlApiTest") ]);
  Nvim.exec_autocmds (s "User") (table [ ("pattern", s "OcamlApiTest") ]);
  Nvim.del_autocmd au;
  Nvim.exec_autocmds (s "User") (table [ ("pattern", s "OcamlApiTest") ]);
  Nvim.command "let g:from_command = 'done'";
  let in_scratch = Nvim.buf_call scratch (fun () -> s (Nvim.get_current_line ())) in
  let ns = Nvim.create_namespace "ocaml_test" in
  let mark = Nvim.buf_set_extmark buf ns 0 1 (table []) in
  table
    [
      ("lines", strings lines);
      ("line_count", i (Nvim.buf_line_count buf));
      ("current_is_buf", b (Nvim.Buffer.equal buf (Nvim.get_current_buf ())));
      ("scratch_valid", b (Nvim.buf_is_valid scratch));
      ("scratch_lines", strings (Nvim.buf_get_lines scratch 0 (-1) false));
      ("nbufs", i (List.length (Nvim.list_bufs ())));
      ("nwins", i (List.length (Nvim.tabpage_list_wins (Nvim.get_current_tabpage ()))));
      ("cursor", of_list of_int [ row; col ]);
      ("var", Nvim.get_var "ocaml_var");
      ("fired", i !fired);
      ("eval", Nvim.eval "6 * 7");
      ("call_function", Nvim.call_function "abs" [ i (-4) ]);
      ("from_command", Nvim.get_var "from_command");
      ("strwidth", i (Nvim.strwidth "abc"));
      ("shiftwidth", Nvim.get_option_value "shiftwidth" (table []));
      ("mode", field (Nvim.get_mode ()) "mode");
      ("buf_call", in_scratch);
      ("extmark_positive", b (mark > 0));
      ("invalid_buffer", failure (fun () -> Nvim.buf_get_lines (Nvim.Buffer.of_int 9999) 0 1 false));
      ("remote_only", failure (fun () -> Nvim.ui_detach ()));
      ("current_line", s (Nvim.get_current_line ()));
    ]

(* The hand-written vim.* bindings. *)
let events = ref []
let log x = events := x :: !events

let vim_setup () =
  Vim.notify ~level:Vim.Warn "careful";
  Vim.notify "plain";
  Vim.cmd "let g:from_vim_cmd = 'yes'";
  Vim.set_g "from_set_g" (i 11);
  Vim.keymap_set [ "n" ] "<F2>" (Vim.Fn (fun () -> Nvim.set_current_line "mapped by ocaml"))
    ~desc:"ocaml map";
  Vim.keymap_set [ "n" ] "<F3>" (Vim.Expr (fun () -> "A!<Esc>"));
  Vim.keymap_set [ "n" ] "<F4>" (Vim.Keys "dd");
  Vim.keymap_set [ "n" ] "<F5>" (Vim.Fn (fun () -> failwith "map failed"));
  Vim.create_user_command "OcamlCmd" ~nargs:"*" ~bang:true ~range:true (fun a ->
      log (Printf.sprintf "cmd %s [%s] bang=%b range=%d %d-%d" a.name (String.concat "|" a.fargs)
             a.bang a.range a.line1 a.line2));
  Vim.create_user_command "OcamlFail" (fun _ -> raise Not_found);
  let group = Vim.create_augroup "OcamlGroup" in
  let _ =
    Vim.create_autocmd [ "User" ] ~group ~pattern:[ "OcamlEvent" ] (fun ev ->
        log (Printf.sprintf "autocmd %s %s group=%b" ev.event ev.match_ (ev.group = Some group)))
  in
  let _ = Vim.create_autocmd [ "User" ] ~pattern:[ "OcamlOnce" ] ~once:true (fun _ -> log "once") in
  Vim.schedule (fun () -> log "scheduled");
  Vim.defer_fn 10 (fun () -> log "deferred");
  print_endline "printed by ocaml";
  prerr_endline "error printed by ocaml";
  Printf.printf "partial line";
  nil

let vim_report () =
  table
    [
      ("events", strings (List.rev !events));
      ("from_vim_cmd", Vim.g "from_vim_cmd");
      ("from_set_g", Vim.g "from_set_g");
      ("unset_g", of_bool (is_nil (Vim.g "no_such_variable")));
      ("toupper", Vim.fn "toupper" [ s "abc" ]);
      ("eval", Vim.eval "1 + 1");
      ("inspect", s (Vim.inspect (table [ ("k", i 1) ])));
      ("fast", b (Vim.in_fast_event ()));
      ("tabstop", Vim.option "tabstop");
    ]

let () =
  export "api" (fn0 api);
  export "vim_setup" (fn0 vim_setup);
  export "vim_report" (fn0 vim_report)
