"""Errors the user sees as one line, never as a traceback."""


class CompileError(Exception):
    """A problem with the user's input: reported as `lua_of_ocaml: <message>`."""


def read_input(path, kind: str = "file") -> bytes:
    """The bytes of a file the user named, or a CompileError saying why not (`kind`
    names what was expected, for a folder given instead)."""
    from pathlib import Path
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise CompileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CompileError(f"{path}: is a directory, not a {kind}") from None
    except OSError as e:
        raise CompileError(f"{path}: cannot read: {e.strerror}") from None
