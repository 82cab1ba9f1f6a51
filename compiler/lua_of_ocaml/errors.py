"""Errors the user sees as one line, never as a traceback."""


class CompileError(Exception):
    """A problem with the user's input: reported as `lua_of_ocaml: <message>`."""
