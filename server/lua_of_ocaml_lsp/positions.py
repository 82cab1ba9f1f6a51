"""OCaml positions (1-based lines, byte offsets in a line) to LSP positions and back.

ocamlc and the debug info count characters as bytes of the UTF-8 source; LSP
counts UTF-16 code units unless the client negotiated another encoding. A
position past the end of its line (ocamlc does this for errors at the end of a
file) is clamped to the line's end, so that every range is valid in the editor.
"""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types as lsp


def _units(text: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    if encoding == "utf-32":
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class SourceText:
    """The lines of one file, for converting positions."""

    def __init__(self, text: str, encoding: str = "utf-16"):
        self.lines = text.split("\n")
        self.encoding = encoding

    @classmethod
    def read(cls, path: str | Path, encoding: str = "utf-16") -> "SourceText":
        try:
            data = Path(path).read_bytes()
        except OSError:
            data = b""
        return cls(data.decode("utf-8", "replace"), encoding)

    def line_text(self, line0: int) -> str:
        if 0 <= line0 < len(self.lines):
            return self.lines[line0].rstrip("\r")
        return ""

    def position(self, line: int, byte_col: int) -> lsp.Position:
        """LSP position of OCaml (1-based line, byte column)."""
        line0 = max(line - 1, 0)
        if line0 >= len(self.lines):
            last = max(len(self.lines) - 1, 0)
            return lsp.Position(last, _units(self.line_text(last), self.encoding))
        raw = self.line_text(line0).encode("utf-8")
        col = min(max(byte_col, 0), len(raw))
        prefix = raw[:col].decode("utf-8", "ignore")
        return lsp.Position(line0, _units(prefix, self.encoding))

    def range(self, line: int, col: int, line_end: int, col_end: int) -> lsp.Range:
        start = self.position(line, col)
        end = self.position(max(line_end, line), col_end)
        if (end.line, end.character) < (start.line, start.character):
            end = start
        return lsp.Range(start, end)

    def line_range(self, line: int) -> lsp.Range:
        """The whole of a 1-based line (for messages without columns)."""
        line0 = min(max(line - 1, 0), max(len(self.lines) - 1, 0))
        text = self.line_text(line0)
        start = len(text) - len(text.lstrip())
        return lsp.Range(lsp.Position(line0, _units(text[:start], self.encoding)),
                         lsp.Position(line0, _units(text, self.encoding)))

    def byte_column(self, position: lsp.Position) -> tuple[int, int]:
        """(1-based line, byte column) of an LSP position."""
        text = self.line_text(position.line)
        units = 0
        for i, ch in enumerate(text):
            if units >= position.character:
                return position.line + 1, len(text[:i].encode("utf-8"))
            units += _units(ch, self.encoding)
        return position.line + 1, len(text.encode("utf-8"))

    def offset_position(self, offset: int) -> tuple[int, int]:
        """(1-based line, byte column) of a character offset in the whole text."""
        line = 0
        for line, text in enumerate(self.lines):
            if offset <= len(text):
                return line + 1, len(text[:offset].encode("utf-8"))
            offset -= len(text) + 1
        return line + 1, len(self.lines[-1].encode("utf-8")) if self.lines else 0


def normalise_encoding(encoding: object) -> str:
    """The name of a negotiated position encoding (lsprotocol enum or string)."""
    value = getattr(encoding, "value", encoding)
    return value if value in ("utf-8", "utf-16", "utf-32") else "utf-16"
