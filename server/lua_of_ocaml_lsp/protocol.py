"""JSON-RPC handling that answers every request, however malformed.

pygls drops a request whose params do not fit the method's type: the client
then waits for ever. Here such a request gets an InvalidParams error naming
what was wrong, and a handler that fails answers with an error whose message
says what happened, without a Python traceback.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.protocol import LanguageServerProtocol

logger = logging.getLogger(__name__)


@dataclass
class _Malformed:
    """A request that could not be read; answered with `error`."""
    id: Any
    method: str
    error: JsonRpcException
    jsonrpc: str = "2.0"


def describe_structure_error(exc: BaseException) -> str:
    """A short account of why params did not fit (cattrs lists each bad field)."""
    cause = exc.__cause__ or exc
    try:
        from cattrs import transform_error
        lines = transform_error(cause, path="params")
        if lines:
            return "; ".join(lines[:5])
    except Exception:  # not a cattrs error: fall back to its text
        pass
    return str(cause).splitlines()[0] if str(cause) else type(cause).__name__


class RobustProtocol(LanguageServerProtocol):
    def structure_message(self, data: dict[str, Any]):
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if isinstance(data, dict) and "id" in data and "method" in data:
                method = str(data.get("method"))
                return _Malformed(data["id"], method, JsonRpcInvalidParams(
                    message=f"invalid params for {method}: {describe_structure_error(exc)}"))
            raise

    def handle_message(self, message):
        if isinstance(message, _Malformed):
            logger.warning("malformed %s request: %s", message.method, message.error.message)
            self._send_response(message.id, None, message.error.to_response_error())
            return
        if not hasattr(message, "jsonrpc"):
            # not a JSON-RPC object at all (an array, a bare value, a missing version)
            logger.warning("ignoring a message that is not JSON-RPC 2.0: %.200r", message)
            return
        super().handle_message(message)
