"""The lua_of_ocaml language server: diagnostics, hover with the generated Lua, run."""
