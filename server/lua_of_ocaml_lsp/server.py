"""The language server: handlers and the state of each project.

Checks (build, compile, load-check) run on a worker thread; the event loop only
schedules them, publishes their results and answers requests. Each project
counts its checks: a check publishes only if no newer one has started since,
so a slow check for an old save never overwrites the diagnostics of a newer
one, and starting a check cancels the previous one (its ocamlc is killed).
"""

from __future__ import annotations

import asyncio
import atexit
import functools
import gc
import itertools
import logging
import shutil
import tempfile
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException, JsonRpcInternalError, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

import lua_of_ocaml

from . import diagnostics as dg
from .pipeline import BuildOutcome, BuildRequest, Builder, CancelToken, Cancelled
from .positions import SourceText, normalise_encoding
from .project import Project, find_project, is_ocaml_source
from .protocol import RobustProtocol
from .run_report import failure_diagnostics, parse_failure
from .running import Run, RunOutcome
from .settings import SECTION, Settings, parse_settings

logger = logging.getLogger(__name__)

SHOW_LUA = "lua_of_ocaml.showLua"
RUN = "lua_of_ocaml.run"
STOP = "lua_of_ocaml.stop"
OUTPUT_NOTIFICATION = "lua_of_ocaml/output"
RUN_FINISHED_NOTIFICATION = "lua_of_ocaml/runFinished"


class UserError(Exception):
    """A request the server cannot honour as asked: answered as InvalidParams."""


@dataclass
class ProjectState:
    project: Project
    generation: int = 0                       # checks started
    token: CancelToken | None = None          # of the running check
    check: asyncio.Future | None = None       # the latest check
    outcome: BuildOutcome | None = None       # the latest published check
    outcome_id: int = 0                       # increments with each published check
    run_diagnostics: dg.DiagnosticMap = field(default_factory=dict)
    run_digest: str | None = None             # bytecode the run diagnostics belong to
    published: set[Path] = field(default_factory=set)
    run: Run | None = None


class LuaOfOcamlServer(LanguageServer):
    """The server and what it knows: settings, projects, the build thread."""

    def __init__(self) -> None:
        super().__init__("lua-of-ocaml-lsp", lua_of_ocaml.__version__, protocol_cls=RobustProtocol,
                         text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        self.settings = Settings()
        self.projects: dict[str, ProjectState] = {}
        self.workroot = Path(tempfile.mkdtemp(prefix="lua_of_ocaml_lsp-"))
        atexit.register(shutil.rmtree, self.workroot, True)
        self.builder = Builder(self.workroot)
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lua_of_ocaml-build")
        self._progress_ids = itertools.count(1)

    # --- state and messages -------------------------------------------------------
    @property
    def encoding(self) -> str:
        try:
            return normalise_encoding(self.workspace.position_encoding)
        except RuntimeError:  # before initialize
            return "utf-16"

    def workspace_roots(self) -> list[Path]:
        roots = []
        try:
            ws = self.workspace
        except RuntimeError:
            return roots
        for folder in ws.folders.values():
            p = to_fs_path(folder.uri)
            if p:
                roots.append(Path(p))
        if ws.root_path:
            roots.append(Path(ws.root_path))
        return roots

    def log(self, message: str, kind: lsp.MessageType = lsp.MessageType.Log) -> None:
        try:
            self.window_log_message(lsp.LogMessageParams(type=kind, message=message))
        except Exception:  # the client is gone: nothing to tell
            logger.info("%s", message)

    def show(self, message: str, kind: lsp.MessageType = lsp.MessageType.Warning) -> None:
        try:
            self.window_show_message(lsp.ShowMessageParams(type=kind, message=message))
        except Exception:
            logger.info("%s", message)

    def report_server_error(self, error: Exception, source) -> None:
        # errors outside any request (unreadable messages, failing notifications) go to
        # the log rather than to pop-ups; the server carries on
        self.log(f"lua_of_ocaml: {type(error).__name__}: {error}", lsp.MessageType.Error)

    def apply_settings(self, raw: Any) -> bool:
        new, warnings = parse_settings(raw, self.settings)
        for w in warnings:
            self.show(f"lua_of_ocaml: {w}")
        changed = new != self.settings
        self.settings = new
        return changed

    def state_for(self, path: Path, create: bool = True) -> ProjectState | None:
        project = find_project(path, self.workspace_roots())
        st = self.projects.get(project.key)
        if st is None and create:
            st = self.projects[project.key] = ProjectState(project)
        return st

    def open_paths(self) -> dict[Path, str]:
        out = {}
        try:
            docs = self.workspace.text_documents
        except RuntimeError:
            return out
        for uri, doc in docs.items():
            p = to_fs_path(uri)
            if p:
                out[Path(p).resolve()] = doc.source
        return out

    # --- checks -----------------------------------------------------------------
    def schedule_check(self, path: Path) -> ProjectState:
        """Start a check of the project of `path`, cancelling the one running."""
        st = self.state_for(path)
        assert st is not None
        st.generation += 1
        if st.token is not None:
            st.token.cancel()
        token = st.token = CancelToken()
        overrides = {p: t for p, t in self.open_paths().items() if st.project.contains(p)}
        req = BuildRequest(st.project, path, self.settings, self.encoding, overrides)
        st.check = asyncio.ensure_future(self._check(st, st.generation, token, req))
        return st

    async def _check(self, st: ProjectState, generation: int, token: CancelToken,
                     req: BuildRequest) -> None:
        loop = asyncio.get_running_loop()
        progress = Progress(self, f"lua_of_ocaml: checking {req.trigger.name}")
        await progress.begin()
        try:
            outcome = await loop.run_in_executor(self.executor, self.builder.build, req, token,
                                                 progress.report_threadsafe)
        except Cancelled:
            return
        except Exception as e:  # a bug in the compiler or here: say so on the file, carry on
            logger.exception("check failed")
            self.log("".join(traceback.format_exception(e)), lsp.MessageType.Error)
            texts = dg.Texts(req.encoding, req.overrides)
            outcome = BuildOutcome(dg.simple(req.trigger, texts, f"lua_of_ocaml: internal error: {e}",
                                             code="internal-error"), req.project.root)
        finally:
            progress.end()
        if generation != st.generation:
            return  # a newer check started: its results win
        st.outcome = outcome
        st.outcome_id += 1
        if outcome.digest is None or outcome.digest != st.run_digest:
            st.run_diagnostics = {}
        for note in outcome.notes:
            self.show(f"lua_of_ocaml: {note}")
        self.publish(st)
        # free the compile's garbage now, off the event loop, rather than during the next one
        loop.run_in_executor(self.executor, gc.collect)

    def publish(self, st: ProjectState) -> None:
        """Diagnostics of the project's files: every file with some, every file that
        had some (now cleared), and every open document of the project (so that a
        clean file gets its empty list)."""
        build = st.outcome.diagnostics if st.outcome else {}
        merged = dg.merge(build, st.run_diagnostics)
        open_here = {p for p in self.open_paths() if st.project.contains(p) and is_ocaml_source(p)}
        for path in sorted(set(merged) | st.published | open_here):
            self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
                uri=dg.uri_of(path), diagnostics=merged.get(path, [])))
        st.published = set(merged)

    async def fresh_outcome(self, path: Path) -> tuple[ProjectState, BuildOutcome]:
        """The latest check of the project of `path`, waiting for one in flight (or
        starting one when the project was never checked)."""
        st = self.state_for(path)
        assert st is not None
        if st.outcome is None and (st.check is None or st.check.done()):
            self.schedule_check(path)
        while st.check is not None and not st.check.done():
            await asyncio.shield(st.check)
        if st.outcome is None:
            raise UserError("the project could not be checked (see the server log)")
        return st, st.outcome

    # --- run --------------------------------------------------------------------
    async def run_program(self, path: Path, args: list[str] | None) -> dict:
        st, outcome = await self.fresh_outcome(path)
        main = outcome.main
        if main is None:
            raise UserError("the program does not build: fix the errors first (see the diagnostics)")
        if st.run is not None:
            st.run.stop()
        run = st.run = Run()
        st.run_diagnostics = {}
        self.publish(st)
        uri = dg.uri_of(path)
        s = self.settings
        outcome_id = st.outcome_id

        def sink(stream: str, text: str) -> None:
            self.protocol.notify(OUTPUT_NOTIFICATION, {"uri": uri, "stream": stream, "text": text})
            self.log(text.rstrip("\n"), lsp.MessageType.Log if stream == "stdout" else lsp.MessageType.Info)

        progress = Progress(self, f"lua_of_ocaml: running {path.name}", cancellable=False)
        await progress.begin()
        try:
            result: RunOutcome = await run.execute(
                main.lua, main.target, self.builder.workdir(st.project), st.project.root,
                timeout=s.runTimeout, memory_mb=s.runMemoryMB,
                args=list(args if args is not None else s.runArgs), sink=sink)
        finally:
            progress.end()
            if st.run is run:
                st.run = None
        reply = result.to_json()
        reply["target"] = main.target
        diagnostics: dg.DiagnosticMap = {}
        failure = parse_failure(result.stderr_tail, main.source_map) if (
            result.status in ("exited", "error") and result.exit_code != 0) else None
        if failure is not None:
            texts = dg.Texts(self.encoding, self.open_paths())
            sources = set(outcome.sources)
            diagnostics = failure_diagnostics(failure, outcome.base, texts, path,
                                              lambda p: p in sources, s.ocamlc)
            reply["exception"] = failure.message
        reply["diagnostics"] = sum(len(v) for v in diagnostics.values())
        if st.outcome_id == outcome_id and result.status != "stopped":
            # results of a run on older code never replace a newer check's
            st.run_diagnostics = diagnostics
            st.run_digest = outcome.digest
            self.publish(st)
        else:
            reply["stale"] = True
        self.protocol.notify(RUN_FINISHED_NOTIFICATION, dict(reply, uri=uri))
        if result.status not in ("exited",):
            self.show(f"lua_of_ocaml: {path.name}: {result.message}", lsp.MessageType.Warning)
        return reply

    # --- shutdown ---------------------------------------------------------------
    def stop_everything(self) -> None:
        for st in self.projects.values():
            if st.token is not None:
                st.token.cancel()
            if st.run is not None:
                st.run.stop()


class Progress:
    """$/progress for one piece of work, when the client supports it."""

    def __init__(self, ls: LuaOfOcamlServer, title: str, cancellable: bool = False):
        self.ls = ls
        self.title = title
        self.token: str | None = None
        self.loop = asyncio.get_running_loop()
        self.cancellable = cancellable

    def _supported(self) -> bool:
        caps = self.ls.client_capabilities
        return bool(caps and caps.window and caps.window.work_done_progress)

    async def begin(self) -> None:
        if not self._supported():
            return
        token = f"lua_of_ocaml/{next(self.ls._progress_ids)}"
        try:
            await asyncio.wait_for(self.ls.work_done_progress.create_async(token), 5)
        except Exception:  # the client refused or did not answer: work without progress
            return
        self.token = token
        self.ls.work_done_progress.begin(token, lsp.WorkDoneProgressBegin(
            title=self.title, cancellable=self.cancellable, percentage=0))

    def report(self, message: str, percentage: int) -> None:
        if self.token is not None:
            self.ls.work_done_progress.report(self.token, lsp.WorkDoneProgressReport(
                message=message, percentage=percentage))

    def report_threadsafe(self, message: str, percentage: int) -> None:
        try:
            self.loop.call_soon_threadsafe(self.report, message, percentage)
        except RuntimeError:  # the loop is closing: the server is exiting
            pass

    def end(self) -> None:
        if self.token is not None:
            self.ls.work_done_progress.end(self.token, lsp.WorkDoneProgressEnd())
            self.ls.work_done_progress.tokens.pop(self.token, None)
            self.token = None


# --- guarding handlers -------------------------------------------------------------

def _request(fn):
    """A request handler whose failures become error responses with a clear message."""
    if asyncio.iscoroutinefunction(fn):
        @functools.wraps(fn)
        async def wrapper(ls, *args):
            try:
                return await fn(ls, *args)
            except Exception as e:
                raise _as_rpc_error(fn, e) from None
    else:
        @functools.wraps(fn)
        def wrapper(ls, *args):
            try:
                return fn(ls, *args)
            except Exception as e:
                raise _as_rpc_error(fn, e) from None
    return wrapper


def _as_rpc_error(fn, e: Exception) -> JsonRpcException:
    if isinstance(e, JsonRpcException):
        return e
    if isinstance(e, UserError):
        return JsonRpcInvalidParams(message=f"lua_of_ocaml: {e}")
    logger.error("%s failed:\n%s", fn.__name__, "".join(traceback.format_exception(e)))
    return JsonRpcInternalError(message=f"lua_of_ocaml: internal error in {fn.__name__}: "
                                        f"{type(e).__name__}: {e}")


def _notification(fn):
    """A notification handler whose failures are logged, never raised."""
    @functools.wraps(fn)
    def wrapper(ls, *args):
        try:
            return fn(ls, *args)
        except Exception as e:
            logger.error("%s failed:\n%s", fn.__name__, "".join(traceback.format_exception(e)))
            ls.log(f"lua_of_ocaml: {fn.__name__} failed: {type(e).__name__}: {e}", lsp.MessageType.Error)
    return wrapper


def _path_of(uri: Any) -> Path:
    if not isinstance(uri, str) or not uri:
        raise UserError("expected a document URI")
    if not uri.startswith("file:"):
        raise UserError(f"{uri}: only file: documents can be compiled")
    p = to_fs_path(uri)
    if not p:
        raise UserError(f"{uri}: not a file URI")
    path = Path(p).resolve()
    if not is_ocaml_source(path):
        raise UserError(f"{uri}: not an OCaml source (.ml or .mli)")
    return path


def _command_target(args: tuple) -> tuple[Path, dict]:
    """The document a command is about: `[uri]`, `[{"uri": ...}]` or
    `[{"textDocument": {"uri": ...}}]`, plus the options of the object form."""
    if not args:
        raise UserError("missing argument: the document URI")
    first = args[0]
    if isinstance(first, dict):
        uri = first.get("uri")
        if uri is None and isinstance(first.get("textDocument"), dict):
            uri = first["textDocument"].get("uri")
        return _path_of(uri), first
    return _path_of(first), {}


# --- lifecycle and settings ----------------------------------------------------------

@_request
def initialize(ls: LuaOfOcamlServer, params: lsp.InitializeParams) -> None:
    ls.apply_settings(params.initialization_options)


@_notification
def initialized(ls: LuaOfOcamlServer, params: lsp.InitializedParams) -> None:
    ls.log(f"lua-of-ocaml-lsp {lua_of_ocaml.__version__} ready (target {ls.settings.target})",
           lsp.MessageType.Info)


@_notification
def did_change_configuration(ls: LuaOfOcamlServer, params: lsp.DidChangeConfigurationParams) -> None:
    raw = params.settings
    if raw is None or raw == {}:
        caps = ls.client_capabilities
        if caps and caps.workspace and caps.workspace.configuration:
            asyncio.ensure_future(_pull_configuration(ls))
        return
    if ls.apply_settings(raw):
        _recheck_all(ls)


async def _pull_configuration(ls: LuaOfOcamlServer) -> None:
    try:
        items = await ls.workspace_configuration_async(
            lsp.ConfigurationParams(items=[lsp.ConfigurationItem(section=SECTION)]))
    except Exception as e:
        ls.log(f"lua_of_ocaml: could not read the configuration: {e}", lsp.MessageType.Warning)
        return
    if items and items[0] is not None and ls.apply_settings(items[0]):
        _recheck_all(ls)


def _recheck_all(ls: LuaOfOcamlServer) -> None:
    open_paths = ls.open_paths()
    for st in list(ls.projects.values()):
        mine = [p for p in open_paths if st.project.contains(p) and is_ocaml_source(p)]
        if mine:
            ls.schedule_check(sorted(mine)[0])


@_request
def shutdown(ls: LuaOfOcamlServer, params: None) -> None:
    ls.stop_everything()


# --- documents -------------------------------------------------------------------

def _document_path(uri: str) -> Path | None:
    """The path of a document we check (None for other documents)."""
    if not isinstance(uri, str) or not uri.startswith("file:"):
        return None
    p = to_fs_path(uri)
    if not p:
        return None
    path = Path(p).resolve()
    return path if is_ocaml_source(path) else None


@_notification
def did_open(ls: LuaOfOcamlServer, params: lsp.DidOpenTextDocumentParams) -> None:
    path = _document_path(params.text_document.uri)
    if path is not None:
        ls.schedule_check(path)


@_notification
def did_save(ls: LuaOfOcamlServer, params: lsp.DidSaveTextDocumentParams) -> None:
    path = _document_path(params.text_document.uri)
    if path is not None:
        ls.schedule_check(path)


@_notification
def did_close(ls: LuaOfOcamlServer, params: lsp.DidCloseTextDocumentParams) -> None:
    path = _document_path(params.text_document.uri)
    if path is None:
        return
    st = ls.state_for(path, create=False)
    if st is None:
        return
    if any(st.project.contains(p) for p in ls.open_paths()):
        return
    # the project's last open document: forget it and clear what it published
    if st.token is not None:
        st.token.cancel()
    if st.run is not None:
        st.run.stop()
    st.generation += 1
    st.outcome = None
    st.run_diagnostics = {}
    ls.publish(st)
    ls.projects.pop(st.project.key, None)


# --- hover ---------------------------------------------------------------------------

@_request
def hover(ls: LuaOfOcamlServer, params: lsp.HoverParams) -> lsp.Hover | None:
    path = _document_path(params.text_document.uri)
    if path is None:
        return None
    st = ls.state_for(path, create=False)
    if st is None or st.outcome is None or st.outcome.index is None:
        return None
    index = st.outcome.index
    doc_text = ls.open_paths().get(path)
    text = SourceText(doc_text, ls.encoding) if doc_text is not None else SourceText.read(path, ls.encoding)
    line, col = text.byte_column(params.position)
    chosen = index.select(path, line, col)
    snippet = index.snippet(chosen)
    if snippet is None:
        return None
    target = st.outcome.target
    lines = ", ".join(f"{a}-{b}" if a != b else f"{a}" for a, b in snippet.lua_lines)
    more = f" ({snippet.truncated} more lines not shown)" if snippet.truncated else ""
    value = f"```lua\n{snippet.lua}\n```\n\n*Lua ({target}), generated lines {lines}{more}*"
    here = [m for m in snippet.spans if m.line <= line <= m.line_end]
    rng = None
    if here:
        first = min(here, key=lambda m: (m.line, m.col))
        last = max(here, key=lambda m: (m.line_end, m.col_end))
        rng = text.range(first.line, first.col, last.line_end, last.col_end)
    return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=value), range=rng)


# --- commands ------------------------------------------------------------------------

@_request
async def show_lua(ls: LuaOfOcamlServer, *args: Any) -> dict:
    """The whole generated Lua of the document's program, with its mapping."""
    path, _ = _command_target(args)
    st, outcome = await ls.fresh_outcome(path)
    main = outcome.main
    if main is None:
        raise UserError("the program does not build: fix the errors first (see the diagnostics)")
    texts = dg.Texts(ls.encoding, ls.open_paths())
    mappings = []
    sources = set(outcome.sources)
    index = outcome.index
    if index is not None:
        for file, idx in index.by_file.items():
            if file not in sources:
                continue
            uri = dg.uri_of(file)
            st_text = texts.get(file)
            for i in idx:
                m = index.map.mappings[i]
                r = st_text.range(m.line, m.col, m.line_end, m.col_end)
                mappings.append({"luaLine": m.lua_line - 1, "uri": uri,
                                 "range": ls.protocol._converter.unstructure(r)})
    mappings.sort(key=lambda x: x["luaLine"])
    return {"uri": dg.uri_of(path), "target": main.target, "lua": main.lua,
            "mappings": mappings,
            "sourceMap": main.source_map.to_json() if main.source_map else None}


@_request
async def run(ls: LuaOfOcamlServer, *args: Any) -> dict:
    """Run the document's program in a worker process (the only way user code runs)."""
    path, options = _command_target(args)
    prog_args = options.get("args")
    if prog_args is not None and (not isinstance(prog_args, list)
                                  or not all(isinstance(a, str) for a in prog_args)):
        raise UserError("args must be a list of strings")
    return await ls.run_program(path, prog_args)


@_request
def stop(ls: LuaOfOcamlServer, *args: Any) -> dict:
    """Stop the run of the document's program, if one is going."""
    path, _ = _command_target(args)
    st = ls.state_for(path, create=False)
    if st is None or st.run is None:
        return {"stopped": False}
    st.run.stop()
    return {"stopped": True}


def create_server() -> LuaOfOcamlServer:
    """A server with every handler registered."""
    ls = LuaOfOcamlServer()
    ls.feature(lsp.INITIALIZE)(initialize)
    ls.feature(lsp.INITIALIZED)(initialized)
    ls.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)(did_change_configuration)
    ls.feature(lsp.SHUTDOWN)(shutdown)
    ls.feature(lsp.TEXT_DOCUMENT_DID_OPEN)(did_open)
    ls.feature(lsp.TEXT_DOCUMENT_DID_SAVE, lsp.SaveOptions(include_text=False))(did_save)
    ls.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)(did_close)
    ls.feature(lsp.TEXT_DOCUMENT_HOVER)(hover)
    ls.command(SHOW_LUA)(show_lua)
    ls.command(RUN)(run)
    ls.command(STOP)(stop)
    return ls
