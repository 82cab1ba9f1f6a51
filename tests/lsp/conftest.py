"""Fixtures for the language server tests: a client talking to a fresh server.

Each test starts its own `python -m lua_of_ocaml_lsp` over stdio (so tests are
independent and can run in parallel) and makes its own project in tmp_path.
The client records every publishDiagnostics and every custom notification.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path
from typing import Any, Callable

import pytest_lsp
from lsprotocol import types as lsp
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

HERE = Path(__file__).resolve().parent
SERVER = [sys.executable, "-m", "lua_of_ocaml_lsp"]
TIMEOUT = 30.0


def _record_publish(client: LanguageClient, params: lsp.PublishDiagnosticsParams) -> None:
    client.diagnostics[params.uri] = params.diagnostics
    client.publishes.append((params.uri, list(params.diagnostics), time.monotonic()))


def _field(params: Any, name: str) -> Any:
    return params.get(name) if isinstance(params, dict) else getattr(params, name, None)


def _record_output(client: LanguageClient, params: Any) -> None:
    client.outputs.append((_field(params, "stream"), _field(params, "text")))


def _record_run_finished(client: LanguageClient, params: Any) -> None:
    client.runs_finished.append(params)


def make_client() -> LanguageClient:
    client = LanguageClient(converter_factory=default_converter)
    features = dict(DEFAULT_CLIENT_FEATURES)
    features[lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = _record_publish
    features["lua_of_ocaml/output"] = _record_output
    features["lua_of_ocaml/runFinished"] = _record_run_finished
    register_lsp_features(client, features)
    client.publishes = []
    client.outputs = []
    client.runs_finished = []
    return client


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, client_factory=make_client))
async def client(lsp_client: LanguageClient):
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(
    server_command=[sys.executable, str(HERE / "corrupting_server.py")], client_factory=make_client))
async def corrupting_client(lsp_client: LanguageClient):
    """A server whose compiler output is damaged on purpose (see corrupting_server.py)."""
    yield
    await lsp_client.shutdown_session()


CAPABILITIES = lsp.ClientCapabilities(
    window=lsp.WindowClientCapabilities(work_done_progress=True),
    workspace=lsp.WorkspaceClientCapabilities(configuration=True),
    text_document=lsp.TextDocumentClientCapabilities(
        hover=lsp.HoverClientCapabilities(content_format=[lsp.MarkupKind.Markdown]),
        publish_diagnostics=lsp.PublishDiagnosticsClientCapabilities(related_information=True)))


async def initialize(client: LanguageClient, root: Path, options: dict | None = None) -> lsp.InitializeResult:
    return await client.initialize_session(lsp.InitializeParams(
        capabilities=CAPABILITIES, root_uri=root.as_uri(),
        workspace_folders=[lsp.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
        initialization_options=options or {}))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def open_doc(client: LanguageClient, path: Path, version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(
        uri=uri, language_id="ocaml", version=version, text=path.read_text(encoding="utf-8"))))
    return uri


def save_doc(client: LanguageClient, path: Path, text: str | None = None, version: int = 2) -> str:
    """Write the new text (as an editor does on save) and tell the server."""
    uri = path.as_uri()
    if text is not None:
        client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [lsp.TextDocumentContentChangeWholeDocument(text=text)]))
        path.write_text(text, encoding="utf-8")
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(uri=uri)))
    return uri


async def wait_for(predicate: Callable[[], Any], timeout: float = TIMEOUT, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


async def wait_for_publish(client: LanguageClient, uri: str, after: int = 0,
                           predicate: Callable[[list[lsp.Diagnostic]], bool] = lambda d: True,
                           timeout: float = TIMEOUT) -> list[lsp.Diagnostic]:
    """The diagnostics of the first publish for `uri` (from index `after` on) that
    satisfies `predicate`."""
    def found():
        for u, diags, _ in client.publishes[after:]:
            if u == uri and predicate(diags):
                return diags or [None]
        return None
    diags = await wait_for(found, timeout, f"diagnostics for {uri}")
    return [d for d in diags if d is not None]


def by_code(diags: list[lsp.Diagnostic], code: str) -> list[lsp.Diagnostic]:
    return [d for d in diags if d.code == code]


async def execute(client: LanguageClient, command: str, *arguments: Any) -> Any:
    return await client.workspace_execute_command_async(
        lsp.ExecuteCommandParams(command=command, arguments=list(arguments)))
