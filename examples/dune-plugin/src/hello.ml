(* A minimal plugin built with dune: :Hello [name] greets in the message area. *)

let greet (args : Vim.command_args) =
  let who = match args.fargs with [] -> "world" | name :: _ -> name in
  Vim.notify (Printf.sprintf "Hello, %s!" who)

let setup () =
  Vim.create_user_command "Hello" ~nargs:"?" ~desc:"Say hello" greet;
  Lua.nil

let () = Lua.export "setup" (Lua.fn0 setup)
