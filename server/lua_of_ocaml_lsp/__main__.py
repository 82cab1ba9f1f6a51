"""Entry point of `lua-of-ocaml-lsp` (stdio)."""


def main() -> int:
    raise SystemExit("lua-of-ocaml-lsp: not built yet")


if __name__ == "__main__":
    main()
