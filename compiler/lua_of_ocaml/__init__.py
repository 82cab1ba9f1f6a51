"""lua_of_ocaml: compile OCaml bytecode executables to Lua."""

__version__ = "0.1.0"
