"""Entry point of `lua-of-ocaml-lsp`: the language server over stdio."""

from __future__ import annotations

import argparse
import gc
import logging
import sys


def main(argv: list[str] | None = None) -> int:
    import lua_of_ocaml
    p = argparse.ArgumentParser(prog="lua-of-ocaml-lsp",
                                description="Language server for OCaml compiled to Lua (stdio).")
    p.add_argument("--version", action="version", version=f"lua-of-ocaml-lsp {lua_of_ocaml.__version__}")
    p.add_argument("--stdio", action="store_true", help="talk over stdin/stdout (the default)")
    p.add_argument("--log-level", default="WARNING",
                   choices=["DEBUG", "INFO", "WARNING", "ERROR"], help="level of the log on stderr")
    args = p.parse_args(sys.argv[1:] if argv is None else argv)
    # stdout carries the protocol: everything else goes to stderr
    logging.basicConfig(stream=sys.stderr, level=getattr(logging, args.log_level),
                        format="lua-of-ocaml-lsp %(levelname)s %(name)s: %(message)s")
    from .server import create_server
    server = create_server()
    # what is alive now (modules, classes) lives for ever: keep the collector off it
    gc.collect()
    gc.freeze()
    try:
        server.start_io()
    finally:
        server.stop_everything()
    return 0


if __name__ == "__main__":
    sys.exit(main())
