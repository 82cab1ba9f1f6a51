"""Server settings, read from initializationOptions and workspace/didChangeConfiguration.

Both messages carry the same object, either bare or under the key `lua_of_ocaml`.
A value of the wrong type is ignored with a warning (shown to the user) rather
than rejected: a typo in an editor configuration must not stop the server.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from lua_of_ocaml.linker.fragments import TARGETS

SECTION = "lua_of_ocaml"


@dataclass(frozen=True)
class Settings:
    target: str = "luajit"
    """Target of hover, showLua and run."""
    checkTargets: tuple[str, ...] = ()
    """Targets the generated Lua is also load-checked under (the main target always is)."""
    ocamlcFlags: tuple[str, ...] = ()
    """Extra flags for every ocamlc call (e.g. `-w +a`, `-I +unix`)."""
    linkFlags: tuple[str, ...] = ()
    """Extra flags for the link only (e.g. `unix.cma`)."""
    runtimeFiles: tuple[str, ...] = ()
    """Extra Lua runtime files (--Provides/--Requires), relative to the project root."""
    runTimeout: float = 10.0
    """Seconds a run may take (wall clock) before it is stopped."""
    runMemoryMB: int = 512
    """Memory a run may allocate beyond the interpreter's own, in MiB."""
    runArgs: tuple[str, ...] = ()
    """Command-line arguments of the program (Sys.argv after the program name)."""
    module: bool = False
    """Compile as a module (`--module`, what a Neovim plugin is): the chunk returns
    the exported table. Hover and showLua then show the plugin's Lua."""
    trustedWorkspace: bool = False
    """Allow dune builds, which run the project's rules and ppx rewriters."""
    ocamlc: str = "ocamlc"
    dune: str = "dune"

    @property
    def targets(self) -> list[str]:
        """The main target first, then the other targets to check, without repeats."""
        out = [self.target]
        for t in self.checkTargets:
            if t not in out:
                out.append(t)
        return out


_LIST_FIELDS = {"checkTargets", "ocamlcFlags", "linkFlags", "runtimeFiles", "runArgs"}
_ALIASES = {"trustDune": "trustedWorkspace", "targets": "checkTargets"}


def parse_settings(raw: Any, base: Settings | None = None) -> tuple[Settings, list[str]]:
    """Settings from a client object, starting from `base`; returns them and warnings."""
    base = base or Settings()
    warnings: list[str] = []
    if raw is None:
        return base, warnings
    if not isinstance(raw, dict):
        return base, [f"settings must be an object, got {type(raw).__name__}"]
    if isinstance(raw.get(SECTION), dict):
        raw = raw[SECTION]
    known = {f.name for f in fields(Settings)}
    changes: dict[str, Any] = {}
    for key, value in raw.items():
        name = _ALIASES.get(key, key)
        if name not in known:
            if key != SECTION:
                warnings.append(f"unknown setting {key!r} ignored")
            continue
        try:
            changes[name] = _check(name, value)
        except ValueError as e:
            warnings.append(f"setting {key!r}: {e}; keeping {getattr(base, name)!r}")
    return replace(base, **changes), warnings


def _check(name: str, value: Any) -> Any:
    if name in _LIST_FIELDS:
        if isinstance(value, str):
            value = [value]
        if value == {} or value is None:
            value = []   # Lua clients send an empty table as {}
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError("expected a list of strings")
        if name == "checkTargets":
            for t in value:
                if t not in TARGETS:
                    raise ValueError(f"unknown target {t!r} (choose from {', '.join(TARGETS)})")
        return tuple(value)
    if name == "target":
        if value not in TARGETS:
            raise ValueError(f"unknown target {value!r} (choose from {', '.join(TARGETS)})")
        return value
    if name == "runTimeout":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 3600:
            raise ValueError("expected a number of seconds between 0 and 3600")
        return float(value)
    if name == "runMemoryMB":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 16 <= value <= 1 << 20:
            raise ValueError("expected a number of MiB, at least 16")
        return int(value)
    if name in ("trustedWorkspace", "module"):
        if not isinstance(value, bool):
            raise ValueError("expected true or false")
        return value
    if name in ("ocamlc", "dune"):
        if not isinstance(value, str) or not value:
            raise ValueError("expected a command name or path")
        return value
    raise ValueError("not a setting")  # pragma: no cover - every field is handled above

