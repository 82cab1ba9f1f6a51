"""Diagnostics on open and save: ocamlc, missing primitives, Lua load errors, dune."""

from __future__ import annotations


import pytest
from lsprotocol import types as lsp

from .conftest import by_code, execute, initialize, open_doc, save_doc, wait_for, wait_for_publish, write

pytestmark = pytest.mark.asyncio


async def test_errors_and_warnings_on_open_each_in_its_file(client, tmp_path):
    """Several .ml files in one folder: a warning in one, a multi-line error in
    another, each published on its own file with ocamlc's whole message."""
    util = write(tmp_path / "util.ml", "let f = function\n  | Some x -> x\n  | None when false -> 0\n")
    main = write(tmp_path / "main.ml", 'let () =\n  let x = [1;\n   2] in\n  print_string x\n')
    await initialize(client, tmp_path)
    uri = open_doc(client, main)
    diags = await wait_for_publish(client, uri, predicate=lambda d: bool(d))
    (err,) = diags
    assert err.severity == lsp.DiagnosticSeverity.Error and err.source == "ocamlc"
    assert err.range == lsp.Range(lsp.Position(3, 15), lsp.Position(3, 16))
    assert err.message == ("Error: This expression has type int list\n"
                           "       but an expression was expected of type string")
    warn = await wait_for_publish(client, util.as_uri(), predicate=lambda d: bool(d))
    assert [d.code for d in warn] == ["8 [partial-match]"]
    assert warn[0].severity == lsp.DiagnosticSeverity.Warning
    # "lines 1-3, characters 8-24": a range over several lines
    assert warn[0].range == lsp.Range(lsp.Position(0, 8), lsp.Position(2, 24))
    assert "Here is an example of a case that is not matched:" in warn[0].message


async def test_diagnostics_clear_when_fixed(client, tmp_path):
    main = write(tmp_path / "main.ml", "let () = print_int (1 + \"two\")\n")
    await initialize(client, tmp_path)
    uri = open_doc(client, main)
    await wait_for_publish(client, uri, predicate=lambda d: bool(d))
    n = len(client.publishes)
    save_doc(client, main, "let () = print_int (1 + 2)\n")
    assert await wait_for_publish(client, uri, after=n) == []


async def test_utf16_columns(client, tmp_path):
    """ocamlc counts bytes; LSP positions count UTF-16 units."""
    main = write(tmp_path / "main.ml", 'let s = "héllo😀" let z = s + 1\n')
    await initialize(client, tmp_path)
    uri = open_doc(client, main)
    (d,) = await wait_for_publish(client, uri, predicate=lambda d: bool(d))
    # bytes 31-32, characters 27-28 (é is 2 bytes, 😀 is 4 bytes and 2 UTF-16 units)
    line = main.read_text().splitlines()[0]
    col = len(line[:line.index("s + 1")].encode("utf-16-le")) // 2
    assert d.range.start == lsp.Position(0, col)
    assert d.range.end == lsp.Position(0, col + 1)


async def test_missing_primitive_at_declaration_and_use(client, tmp_path):
    main = write(tmp_path / "main.ml",
                 'external frob : int -> int = "caml_frob_it"\n'
                 'let () = print_int (frob 3)\n')
    await initialize(client, tmp_path)
    uri = open_doc(client, main)
    diags = await wait_for_publish(client, uri, predicate=lambda d: bool(by_code(d, "missing-primitive")))
    missing = sorted(by_code(diags, "missing-primitive"), key=lambda d: d.range.start.line)
    assert len(missing) == 2
    decl, use = missing
    assert decl.range == lsp.Range(lsp.Position(0, 29), lsp.Position(0, 43))   # "caml_frob_it"
    assert use.range.start.line == 1
    assert all(d.severity == lsp.DiagnosticSeverity.Warning and "caml_frob_it" in d.message
               for d in missing)
    assert decl.related_information[0].location.range == use.range
    assert use.related_information[0].location.range == decl.range


async def test_user_runtime_file_that_does_not_load(client, tmp_path):
    """A runtime file with a Lua syntax error is reported on the Lua file."""
    rt = write(tmp_path / "ffi.lua", "--Provides: caml_frob_it\nfunction P.caml_frob_it(x)\n  return x +\nend\n")
    main = write(tmp_path / "main.ml",
                 'external frob : int -> int = "caml_frob_it"\nlet () = print_int (frob 3)\n')
    await initialize(client, tmp_path, {"runtimeFiles": ["ffi.lua"], "checkTargets": ["lua51", "lua54"]})
    open_doc(client, main)
    diags = await wait_for_publish(client, rt.as_uri(), predicate=lambda d: bool(d))
    (d,) = diags
    assert d.code == "lua-load" and d.source == "lua (luajit)"
    assert d.range.start.line == 3   # the error is reported at `end`, line 4
    assert "unexpected symbol" in d.message


async def test_runtime_file_is_used_for_missing_primitives(client, tmp_path):
    write(tmp_path / "ffi.lua", "--Provides: caml_frob_it\nfunction P.caml_frob_it(x)\n  return x + 1\nend\n")
    main = write(tmp_path / "main.ml",
                 'external frob : int -> int = "caml_frob_it"\nlet () = print_int (frob 3)\n')
    await initialize(client, tmp_path, {"lua_of_ocaml": {"runtimeFiles": ["ffi.lua"]}})
    uri = open_doc(client, main)
    assert await wait_for_publish(client, uri) == []


async def test_generated_lua_load_error_maps_to_ocaml(corrupting_client, tmp_path):
    """The safety net: if the generated Lua did not load under a target, the error
    lands on the OCaml code the failing Lua line came from (the server under test
    breaks the Lua of `print_int (g 2)` on purpose)."""
    main = write(tmp_path / "main.ml", "let g x = x * 3\nlet () = print_int (g 2)\n")
    await initialize(corrupting_client, tmp_path, {"checkTargets": ["lua54"]})
    uri = open_doc(corrupting_client, main)
    diags = await wait_for_publish(corrupting_client, uri, predicate=lambda d: bool(by_code(d, "lua-load")))
    loads = by_code(diags, "lua-load")
    assert {d.source for d in loads} == {"lua (luajit)", "lua (lua54)"}
    for d in loads:
        assert d.range.start.line == 1 and d.severity == lsp.DiagnosticSeverity.Error
        assert "does not load" in d.message


async def test_dune_project_needs_trust(client, tmp_path):
    write(tmp_path / "dune-project", "(lang dune 2.9)\n")
    write(tmp_path / "bin" / "dune", "(executable (name main) (modes byte))\n")
    main = write(tmp_path / "bin" / "main.ml", "let () = print_int (1 + \"x\")\n")
    await initialize(client, tmp_path)
    uri = open_doc(client, main)
    (d,) = await wait_for_publish(client, uri, predicate=lambda d: bool(d))
    assert d.code == "dune-untrusted" and d.severity == lsp.DiagnosticSeverity.Information
    assert not (tmp_path / "_build").exists()   # dune never ran


async def test_dune_project_when_trusted(client, tmp_path):
    write(tmp_path / "dune-project", "(lang dune 2.9)\n")
    write(tmp_path / "bin" / "dune", "(executable (name main) (modes byte))\n")
    write(tmp_path / "bin" / "arith.ml", "let twice x = 2 * x\n")
    main = write(tmp_path / "bin" / "main.ml", "let () = print_int (Arith.twice \"x\")\n")
    await initialize(client, tmp_path, {"trustedWorkspace": True})
    uri = open_doc(client, main)
    (d,) = await wait_for_publish(client, uri, predicate=lambda d: bool(d))
    assert d.source == "dune" and d.severity == lsp.DiagnosticSeverity.Error
    assert d.range == lsp.Range(lsp.Position(0, 32), lsp.Position(0, 35))   # "x"
    n = len(client.publishes)
    save_doc(client, main, "let () = print_int (Arith.twice 21)\n")
    assert await wait_for_publish(client, uri, after=n) == []
    # the dune project's bytecode was compiled: hover works on it
    hover = await client.text_document_hover_async(lsp.HoverParams(
        lsp.TextDocumentIdentifier(uri), lsp.Position(0, 22)))
    assert hover is not None and "```lua" in hover.contents.value


async def test_dune_executable_without_byte_mode(client, tmp_path):
    write(tmp_path / "dune-project", "(lang dune 2.9)\n")
    dune = write(tmp_path / "dune", "; comment\n(executable\n (name main))\n")
    main = write(tmp_path / "main.ml", "let () = ()\n")
    await initialize(client, tmp_path, {"trustedWorkspace": True})
    open_doc(client, main)
    (d,) = await wait_for_publish(client, dune.as_uri(), predicate=lambda d: bool(d))
    assert d.code == "dune-no-bytecode" and d.range.start.line == 1


async def test_settings_change_rechecks(client, tmp_path):
    """workspace/didChangeConfiguration: new ocamlc flags apply at once."""
    main = write(tmp_path / "main.ml", "let f x = 1\nlet () = print_int (f 2)\n")
    await initialize(client, tmp_path)
    uri = open_doc(client, main)
    assert await wait_for_publish(client, uri) == []
    n = len(client.publishes)
    client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(
        settings={"lua_of_ocaml": {"ocamlcFlags": ["-w", "+27"]}}))
    diags = await wait_for_publish(client, uri, after=n, predicate=lambda d: bool(d))
    assert diags[0].code == "27 [unused-var-strict]"
    assert list(diags[0].tags) == [lsp.DiagnosticTag.Unnecessary]


async def test_bad_settings_are_reported_not_fatal(client, tmp_path):
    main = write(tmp_path / "main.ml", "let () = print_int 1\n")
    await initialize(client, tmp_path, {"target": "lua99", "runTimeout": "soon", "colour": 1})
    uri = open_doc(client, main)
    assert await wait_for_publish(client, uri) == []
    await wait_for(lambda: len(client.messages) >= 3, what="warnings about settings")
    text = "\n".join(m.message for m in client.messages)
    assert "lua99" in text and "runTimeout" in text and "colour" in text


async def test_int_constant_that_wraps(client, tmp_path):
    """A Lua-specific problem: int is 32-bit in the generated Lua."""
    main = write(tmp_path / "main.ml", "let big = 0x1_0000_0001\nlet () = print_int big\n")
    await initialize(client, tmp_path)
    uri = open_doc(client, main)
    diags = await wait_for_publish(client, uri, predicate=lambda d: bool(by_code(d, "int-overflow")))
    (d,) = by_code(diags, "int-overflow")
    assert d.severity == lsp.DiagnosticSeverity.Warning and d.source == "lua_of_ocaml"
    assert "4294967297 does not fit in 32 bits" in d.message and "wraps to 1" in d.message
    assert d.range.start.line == 1


async def test_configuration_pulled_when_the_change_carries_none(client, tmp_path):
    """didChangeConfiguration without settings: the server asks workspace/configuration."""
    main = write(tmp_path / "main.ml", "let f x = 1\nlet () = print_int (f 2)\n")
    await initialize(client, tmp_path)
    uri = open_doc(client, main)
    assert await wait_for_publish(client, uri) == []
    n = len(client.publishes)
    client.set_configuration({"ocamlcFlags": ["-w", "+27"]}, section="lua_of_ocaml")
    client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(settings=None))
    diags = await wait_for_publish(client, uri, after=n, predicate=lambda d: bool(d))
    assert diags[0].code == "27 [unused-var-strict]"


async def test_module_setting_compiles_a_plugin(client, tmp_path):
    """module = true: the Lua is that of `--module` (a Neovim plugin), and the
    Lua interop library is there to link."""
    main = write(tmp_path / "main.ml", 'let () = Lua.export "twice" (Lua.fn1 (fun x -> x))\n')
    await initialize(client, tmp_path, {"module": True})
    uri = open_doc(client, main)
    assert await wait_for_publish(client, uri) == []
    result = await execute(client, "lua_of_ocaml.showLua", uri)
    assert "caml_module_main" in result["lua"]


async def test_runtime_file_with_bad_headers_and_a_missing_one(client, tmp_path):
    rt = write(tmp_path / "ffi.lua", "--Requires: caml_x\nfunction P.f() end\n")
    main = write(tmp_path / "main.ml", "let () = print_int 1\n")
    await initialize(client, tmp_path, {"runtimeFiles": ["ffi.lua", "nowhere.lua"]})
    open_doc(client, main)
    (d,) = await wait_for_publish(client, rt.as_uri(), predicate=lambda d: bool(d))
    assert d.code == "runtime-file" and d.range.start.line == 0
    assert "--Requires before any --Provides" in d.message
    await wait_for(lambda: any("nowhere.lua not found" in m.message for m in client.messages))


async def test_interface_mismatch_points_at_both_files(client, tmp_path):
    mli = write(tmp_path / "m.mli", "val x : int\n")
    ml = write(tmp_path / "m.ml", 'let x = "s"\n')
    main = write(tmp_path / "main.ml", "let () = print_int M.x\n")
    await initialize(client, tmp_path)
    open_doc(client, main)
    (d,) = await wait_for_publish(client, ml.as_uri(), predicate=lambda d: bool(d))
    assert d.message.startswith("Error: The implementation") and "Values do not match" in d.message
    assert d.range.start.line == 0
    where = {(r.location.uri, r.location.range.start.character, r.message) for r in d.related_information}
    assert where == {(mli.as_uri(), 0, "Expected declaration"), (ml.as_uri(), 4, "Actual declaration")}
