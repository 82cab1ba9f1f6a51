"""lua_of_ocaml.run: output streamed, failures on OCaml lines, runaway programs stopped."""

from __future__ import annotations

import asyncio
import time

import pytest
from lsprotocol import types as lsp

from .conftest import by_code, execute, initialize, open_doc, save_doc, wait_for, wait_for_publish, write

pytestmark = pytest.mark.asyncio

RAISES = """let check x = if x > 2 then failwith "too big" else x
let scale x = check (x + 1) * 10
let () = print_endline "starting"
let () = prerr_endline "to stderr"
let () = print_int (scale 5); print_newline ()
"""


async def _open(client, tmp_path, text, options=None):
    main = write(tmp_path / "main.ml", text)
    await initialize(client, tmp_path, options)
    uri = open_doc(client, main)
    await wait_for_publish(client, uri)
    return main, uri


def _output(client, stream=None) -> str:
    return "".join(t for s, t in client.outputs if stream is None or s == stream)


async def test_run_streams_output_and_exit_code(client, tmp_path):
    _, uri = await _open(client, tmp_path,
                         'let () = print_endline "hello"; prerr_endline "oops";\n'
                         '  print_string (string_of_int (Array.length Sys.argv) ^ " " ^ Sys.argv.(1) ^ "\\n");\n'
                         '  exit 3\n')
    result = await execute(client, "lua_of_ocaml.run", {"uri": uri, "args": ["first"]})
    assert result["status"] == "exited" and result["exitCode"] == 3
    assert _output(client, "stdout") == "hello\n2 first\n"
    assert _output(client, "stderr") == "oops\n"
    assert any("hello" in m.message for m in client.log_messages)   # also in the log
    assert client.runs_finished and client.runs_finished[-1]
    assert result["diagnostics"] == 0


async def test_uncaught_exception_becomes_a_diagnostic_with_the_stack(client, tmp_path):
    _, uri = await _open(client, tmp_path, RAISES)
    n = len(client.publishes)
    result = await execute(client, "lua_of_ocaml.run", uri)
    assert result["status"] == "exited" and result["exitCode"] == 2
    assert result["exception"] == 'Failure("too big")'
    assert _output(client, "stdout") == "starting\n"
    assert "Fatal error: exception Failure(\"too big\")" in _output(client, "stderr")
    diags = await wait_for_publish(client, uri, after=n,
                                   predicate=lambda d: bool(by_code(d, "uncaught-exception")))
    (d,) = by_code(diags, "uncaught-exception")
    assert d.severity == lsp.DiagnosticSeverity.Error and d.source == "lua_of_ocaml run"
    assert 'Failure("too big")' in d.message
    # the first frame in the program's own code: `check (x + 1)` in scale (line 2)
    assert d.range.start.line == 1
    related = d.related_information
    assert related[0].message.startswith("Raised at") and related[0].location.uri.endswith("stdlib.ml")
    mine = [r for r in related if r.location.uri == uri]
    assert [r.location.range.start.line for r in mine] == [1, 4]
    assert all(r.message.startswith("Called from") for r in mine)


async def test_run_diagnostics_clear_after_the_fix(client, tmp_path):
    main, uri = await _open(client, tmp_path, RAISES)
    await execute(client, "lua_of_ocaml.run", uri)
    await wait_for(lambda: by_code(client.diagnostics.get(uri, []), "uncaught-exception"))
    n = len(client.publishes)
    save_doc(client, main, RAISES.replace("x > 2", "x > 200"))
    assert await wait_for_publish(client, uri, after=n) == []
    result = await execute(client, "lua_of_ocaml.run", uri)
    assert result["exitCode"] == 0 and result["diagnostics"] == 0


async def test_lua_error_in_a_runtime_file_is_mapped_to_the_call(client, tmp_path):
    write(tmp_path / "ffi.lua", "--Provides: caml_explode\nfunction P.caml_explode(x)\n"
                                "  local t = nil\n  return t.field\nend\n")
    _, uri = await _open(client, tmp_path,
                         'external explode : int -> int = "caml_explode"\n'
                         'let () = print_endline "before"\n'
                         'let () = print_int (explode 1)\n',
                         {"runtimeFiles": ["ffi.lua"]})
    result = await execute(client, "lua_of_ocaml.run", uri)
    assert result["exitCode"] == 2
    diags = await wait_for(lambda: by_code(client.diagnostics.get(uri, []), "uncaught-exception"))
    (d,) = diags
    assert d.range.start.line == 2
    assert "attempt to index" in d.message


async def test_infinite_loop_is_stopped_and_the_server_stays_responsive(client, tmp_path):
    _, uri = await _open(client, tmp_path,
                         'let () = print_endline "spinning"\nlet () = while true do () done\n',
                         {"runTimeout": 2})
    start = time.monotonic()
    run = asyncio.ensure_future(execute(client, "lua_of_ocaml.run", uri))
    await wait_for(lambda: "spinning" in _output(client), what="the program's first output")
    # while the program spins, requests are answered at once
    t0 = time.monotonic()
    hover = await client.text_document_hover_async(lsp.HoverParams(
        lsp.TextDocumentIdentifier(uri), lsp.Position(1, 12)))
    assert hover is not None and time.monotonic() - t0 < 3
    assert not run.done()
    result = await run
    assert result["status"] == "timeout"
    assert 1.9 < time.monotonic() - start < 10
    assert any("time limit" in m.message for m in client.messages)


async def test_memory_bomb_is_stopped(client, tmp_path):
    _, uri = await _open(client, tmp_path,
                         "let rec grow acc = grow (Array.make 1_000_000 1 :: acc)\n"
                         "let () = ignore (grow [])\n", {"runMemoryMB": 100, "runTimeout": 20})
    result = await execute(client, "lua_of_ocaml.run", uri)
    assert result["status"] in ("exited", "memory")
    if result["status"] == "exited":     # the runtime turned it into Out_of_memory
        assert result["exitCode"] == 2 and result["exception"] == "Out_of_memory"


async def test_deep_recursion_is_stack_overflow(client, tmp_path):
    _, uri = await _open(client, tmp_path, "let rec down n = 1 + down (n + 1)\nlet () = print_int (down 0)\n")
    result = await execute(client, "lua_of_ocaml.run", uri)
    assert result["status"] == "exited" and result["exitCode"] == 2
    assert result["exception"] == "Stack_overflow"
    diags = await wait_for(lambda: by_code(client.diagnostics.get(uri, []), "uncaught-exception"))
    assert "Stack_overflow" in diags[0].message
    assert diags[0].range.start.line == 0   # in `down`, where the recursion overflowed


async def test_stop_command(client, tmp_path):
    _, uri = await _open(client, tmp_path,
                         'let () = print_endline "up"\nlet () = while true do () done\n', {"runTimeout": 60})
    run = asyncio.ensure_future(execute(client, "lua_of_ocaml.run", uri))
    await wait_for(lambda: "up" in _output(client), what="the program's first output")
    assert await execute(client, "lua_of_ocaml.stop", uri) == {"stopped": True}
    result = await asyncio.wait_for(run, 10)
    assert result["status"] == "stopped"
    assert await execute(client, "lua_of_ocaml.stop", uri) == {"stopped": False}


async def test_output_flood_is_capped(client, tmp_path):
    _, uri = await _open(client, tmp_path,
                         'let () = for _ = 1 to 200_000 do print_string "0123456789" done\n')
    result = await execute(client, "lua_of_ocaml.run", uri)
    assert result["status"] == "exited" and result["droppedBytes"] == 2_000_000 - (1 << 20)
    assert len(_output(client, "stdout")) == 1 << 20


async def test_run_of_a_program_that_does_not_build(client, tmp_path):
    _, uri = await _open(client, tmp_path, "let () = print_int \"no\"\n")
    with pytest.raises(Exception, match="does not build"):
        await execute(client, "lua_of_ocaml.run", uri)
    assert client.outputs == []


async def test_run_with_another_target(client, tmp_path):
    _, uri = await _open(client, tmp_path, 'let () = print_string (string_of_float 1.5)\n',
                         {"target": "lua51"})
    result = await execute(client, "lua_of_ocaml.run", uri)
    assert result["target"] == "lua51" and _output(client, "stdout") == "1.5"
