"""Initialize, robustness against malformed requests, many quick saves, progress."""

from __future__ import annotations

import asyncio
import json
import time
from concurrent.futures import Future

import pytest
from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException

from .conftest import execute, initialize, open_doc, save_doc, wait_for, wait_for_publish, write

pytestmark = pytest.mark.asyncio


async def test_initialize_capabilities(client, tmp_path):
    result = await initialize(client, tmp_path)
    caps = result.capabilities
    assert result.server_info.name == "lua-of-ocaml-lsp"
    assert caps.hover_provider
    assert set(caps.execute_command_provider.commands) == {
        "lua_of_ocaml.showLua", "lua_of_ocaml.run", "lua_of_ocaml.stop"}
    sync = caps.text_document_sync
    assert sync.open_close and sync.save


def _raw(client, payload: bytes) -> None:
    """Bytes straight onto the server's stdin, framed or not."""
    client._server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(payload) + payload)


async def _raw_request(client, msg_id: str, body: dict | list | str) -> JsonRpcException | object:
    """Send a hand-written request; its answer (result or error)."""
    fut: Future = Future()
    client.protocol._request_futures[msg_id] = fut
    _raw(client, json.dumps(body).encode() if not isinstance(body, str) else body.encode())
    try:
        return await asyncio.wait_for(asyncio.wrap_future(fut), 10)
    except JsonRpcException as e:
        return e


async def _still_alive(client, tmp_path) -> None:
    main = write(tmp_path / "alive.ml", "let () = print_int 1\n")
    uri = open_doc(client, main)
    assert await wait_for_publish(client, uri) == []


async def test_malformed_requests_are_answered_with_errors(client, tmp_path):
    await initialize(client, tmp_path)
    bad_params = await _raw_request(client, "m1", {"jsonrpc": "2.0", "id": "m1", "method": "textDocument/hover",
                                                   "params": {"textDocument": 5}})
    assert isinstance(bad_params, JsonRpcException) and bad_params.code == -32602
    assert "invalid params for textDocument/hover" in bad_params.message
    not_object = await _raw_request(client, "m2", {"jsonrpc": "2.0", "id": "m2", "method": "textDocument/hover",
                                                   "params": [1, 2, 3]})
    assert isinstance(not_object, JsonRpcException) and not_object.code == -32602
    unknown = await _raw_request(client, "m3", {"jsonrpc": "2.0", "id": "m3", "method": "no/suchMethod",
                                                "params": {}})
    assert isinstance(unknown, JsonRpcException) and unknown.code == -32601
    # not JSON, not JSON-RPC, a notification with bad params, a wrong header: all survived
    _raw(client, b"{this is not json")
    _raw(client, b"[1, 2, 3]")
    _raw(client, b'{"id": 7, "method": "textDocument/hover"}')
    _raw(client, json.dumps({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                             "params": {"textDocument": {"uri": 3}}}).encode())
    _raw(client, json.dumps({"jsonrpc": "2.0", "method": "textDocument/didSave",
                             "params": {"textDocument": {"uri": "file:///nowhere/x.ml"}}}).encode())
    client._server.stdin.write(b"X-Nonsense: 1\r\n\r\n")
    await _still_alive(client, tmp_path)


async def test_bad_command_arguments(client, tmp_path):
    await initialize(client, tmp_path)
    cases = [
        ("lua_of_ocaml.run", [], "missing argument"),
        ("lua_of_ocaml.run", [42], "expected a document URI"),
        ("lua_of_ocaml.showLua", [{"uri": None}], "expected a document URI"),
        ("lua_of_ocaml.showLua", ["untitled:Untitled-1"], "only file: documents"),
        ("lua_of_ocaml.run", [(tmp_path / "notes.txt").as_uri()], "not an OCaml source"),
        ("lua_of_ocaml.run", [{"uri": (tmp_path / "m.ml").as_uri(), "args": "x"}], "args must be a list"),
        ("lua_of_ocaml.stop", [{"textDocument": 1}], "expected a document URI"),
        ("lua_of_ocaml.noSuchCommand", [], "is not defined"),
    ]
    for command, args, expected in cases:
        with pytest.raises(JsonRpcException) as e:
            await execute(client, command, *args)
        assert expected in e.value.message, (command, args, e.value.message)
        assert "Traceback" not in e.value.message and not (e.value.data or {}).get("traceback")
    # a missing file: the check reports it, the command fails cleanly
    with pytest.raises(JsonRpcException, match="could not be checked|does not build"):
        await execute(client, "lua_of_ocaml.run", (tmp_path / "gone" / "m.ml").as_uri())
    await _still_alive(client, tmp_path)


async def test_many_quick_saves_publish_only_the_last(client, tmp_path):
    """Twenty saves in a row: older checks are cancelled, and what is published
    last is the result of the last save (never an older one arriving late)."""
    main = write(tmp_path / "main.ml", "let () = print_int 0\n")
    await initialize(client, tmp_path)
    uri = open_doc(client, main)
    await wait_for_publish(client, uri)
    start = len(client.publishes)
    saves = 20
    for i in range(1, saves + 1):
        # each version has an error on a different line; the last one has it on line 20
        text = "\n" * (i - 1) + f'let () = print_int "v{i}"\n'
        save_doc(client, main, text, version=i + 1)
        await asyncio.sleep(0)    # a burst, as an editor saving on every keystroke

    def last_is_final():
        mine = [d for u, d, _ in client.publishes[start:] if u == uri]
        return mine and mine[-1] and mine[-1][0].range.start.line == saves - 1
    await wait_for(last_is_final, what="the last save's diagnostics")
    await asyncio.sleep(1.5)    # anything still running must not publish afterwards
    mine = [d for u, d, _ in client.publishes[start:] if u == uri]
    assert mine[-1][0].range.start.line == saves - 1
    assert f'"v{saves}"' in main.read_text()
    assert len(mine) < saves // 2, f"{len(mine)} publishes for {saves} saves"


async def test_progress_is_reported(client, tmp_path):
    main = write(tmp_path / "main.ml", "let () = print_int 1\n")
    await initialize(client, tmp_path)
    uri = open_doc(client, main)
    await wait_for_publish(client, uri)

    def finished():
        return [v for v in client.progress_reports.values()
                if v and isinstance(v[0], lsp.WorkDoneProgressBegin) and isinstance(v[-1], lsp.WorkDoneProgressEnd)]
    (reports,) = await wait_for(finished, what="a complete progress")
    assert reports[0].title.startswith("lua_of_ocaml: checking main.ml")
    messages = [r.message for r in reports if isinstance(r, lsp.WorkDoneProgressReport)]
    assert messages == ["building bytecode", "compiling to Lua", "checking the Lua"]


async def test_save_of_an_unrelated_document_is_ignored(client, tmp_path):
    await initialize(client, tmp_path)
    notes = write(tmp_path / "notes.txt", "hello")
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(
        uri=notes.as_uri(), language_id="text", version=1, text="hello")))
    save_doc(client, notes)
    t0 = time.monotonic()
    await _still_alive(client, tmp_path)
    assert time.monotonic() - t0 < 10
    assert all(u != notes.as_uri() for u, _, _ in client.publishes)


async def test_requests_are_answered_while_compiling(client, tmp_path):
    """The compile runs off the event loop: a request sent while it runs is
    answered before the compile ends."""
    main = write(tmp_path / "main.ml", 'let () = Printf.printf "%s %d %f\\n" "x" 1 2.0\n'
                                       'let () = Format.printf "@[%a@]@." Format.pp_print_int 3\n')
    await initialize(client, tmp_path)
    uri = open_doc(client, main)

    def compiling():
        return any(isinstance(r, lsp.WorkDoneProgressReport) and r.message == "compiling to Lua"
                   for v in client.progress_reports.values() for r in v)
    await wait_for(compiling, what="the compile to start")
    published_before = sum(1 for u, _, _ in client.publishes if u == uri)
    await execute(client, "lua_of_ocaml.stop", uri)     # any request will do
    assert sum(1 for u, _, _ in client.publishes if u == uri) == published_before == 0
    assert await wait_for_publish(client, uri) == []
