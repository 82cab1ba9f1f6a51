"""Hover shows the Lua of the OCaml under the cursor; showLua returns all of it."""

from __future__ import annotations

import json

import pytest
from lsprotocol import types as lsp

from .conftest import execute, initialize, open_doc, wait_for_publish, write

pytestmark = pytest.mark.asyncio

PROGRAM = """let greet name = print_endline ("hello " ^ name)
let twice f x = f (f x)
let () = greet "world"
let () = print_int (twice (fun x -> x * 3) 7)
"""


async def _ready(client, tmp_path, options=None) -> str:
    main = write(tmp_path / "main.ml", PROGRAM)
    await initialize(client, tmp_path, options)
    uri = open_doc(client, main)
    assert await wait_for_publish(client, uri) == []
    return uri


async def _hover(client, uri, line, character):
    return await client.text_document_hover_async(lsp.HoverParams(
        lsp.TextDocumentIdentifier(uri), lsp.Position(line, character)))


async def test_hover_on_a_line_shows_its_lua(client, tmp_path):
    uri = await _ready(client, tmp_path)
    h = await _hover(client, uri, 2, 0)   # `let () = greet "world"`, cursor on `let`
    assert h.contents.kind == lsp.MarkupKind.Markdown
    value = h.contents.value
    assert value.startswith("```lua\n") and "```\n\n*Lua (luajit), generated lines" in value
    code = value.split("```lua\n", 1)[1].split("\n```", 1)[0]
    assert '"world"' in code
    assert "hello " not in code          # trimmed: not the Lua of other lines
    assert h.range.start.line == 2 and h.range.end.line == 2


async def test_hover_on_an_expression_is_narrower(client, tmp_path):
    uri = await _ready(client, tmp_path)
    whole = await _hover(client, uri, 3, 0)
    inner = await _hover(client, uri, 3, 37)  # inside `x * 3`, in the anonymous function
    code = inner.contents.value.split("```lua\n", 1)[1].split("\n```", 1)[0]
    assert "3" in code
    assert len(code) < len(whole.contents.value)
    assert inner.range.start.character > 0


async def test_hover_follows_the_target(client, tmp_path):
    uri = await _ready(client, tmp_path, {"target": "lua54"})
    h = await _hover(client, uri, 0, 20)
    assert "*Lua (lua54)" in h.contents.value


async def test_hover_where_no_code_and_on_unknown_documents(client, tmp_path):
    uri = await _ready(client, tmp_path)
    assert await _hover(client, uri, 40, 0) is None                     # past the end
    other = write(tmp_path / "elsewhere" / "x.ml", "let () = ()\n")
    assert await _hover(client, other.as_uri(), 0, 0) is None           # never opened
    assert await _hover(client, "untitled:Untitled-1", 0, 0) is None    # not a file
    assert await _hover(client, (tmp_path / "notes.txt").as_uri(), 0, 0) is None


async def test_show_lua_returns_the_chunk_and_its_mapping(client, tmp_path):
    uri = await _ready(client, tmp_path)
    for arg in (uri, {"uri": uri}, {"textDocument": {"uri": uri}}):
        result = await execute(client, "lua_of_ocaml.showLua", arg)
        assert result["uri"] == uri and result["target"] == "luajit"
        lua_lines = result["lua"].split("\n")
        mine = [m for m in result["mappings"] if m["uri"] == uri]
        assert {m["range"]["start"]["line"] for m in mine} == {0, 1, 2, 3}
        world = [m for m in mine if m["range"]["start"]["line"] == 2]
        assert any('"world"' in lua_lines[m["luaLine"]] or '"world"' in lua_lines[m["luaLine"] + 1]
                   for m in world)
        smap = json.loads(result["sourceMap"])
        assert smap["version"] == 3 and any(s.endswith("main.ml") for s in smap["sources"])


async def test_show_lua_builds_first_when_nothing_was_checked(client, tmp_path):
    main = write(tmp_path / "main.ml", PROGRAM)
    await initialize(client, tmp_path)
    result = await execute(client, "lua_of_ocaml.showLua", main.as_uri())   # never opened
    assert '"world"' in result["lua"]


async def test_show_lua_on_a_program_that_does_not_build(client, tmp_path):
    main = write(tmp_path / "main.ml", "let () = print_int \"no\"\n")
    await initialize(client, tmp_path)
    uri = open_doc(client, main)
    with pytest.raises(Exception, match="does not build"):
        await execute(client, "lua_of_ocaml.showLua", uri)
