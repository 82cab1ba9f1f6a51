"""Reading OCaml bytecode executables: sections, Marshal data, instructions, debug info."""
