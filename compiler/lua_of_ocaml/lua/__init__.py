"""The Lua back end: structured control flow, code generation, printing."""
