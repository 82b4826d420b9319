"""A minimal Language Server Protocol client for yaml-language-server (what VS Code's YAML extension
runs): open a document, return the diagnostics the server publishes for it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

TOOL_DIR = Path(__file__).parents[2] / ".ci" / "yaml-language-server"
SERVER = TOOL_DIR / "node_modules" / ".bin" / "yaml-language-server"
SETTINGS = {"yaml": {"validate": True, "hover": True, "completion": True, "schemaStore": {"enable": False}}}


def server() -> Path:
    """yaml-language-server as pinned in .ci/yaml-language-server (npm ci once)."""
    if not SERVER.exists():
        if shutil.which("npm") is None:
            if os.environ.get("CI"):
                pytest.fail("yaml-language-server needs npm")
            pytest.skip("yaml-language-server needs npm")
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=TOOL_DIR, check=True)
    return SERVER


class Client:
    def __init__(self, root: Path) -> None:
        self.proc = subprocess.Popen(
            [str(server()), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.next_id = 0
        self.versions: dict[str, int] = {}
        self.request("initialize", {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": {}})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        self.proc.stdin.flush()

    def _read(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        length = 0
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("yaml-language-server exited")
            if line in (b"\r\n", b"\n"):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        message: dict[str, Any] = json.loads(self.proc.stdout.read(length))
        if "id" in message and "method" in message:  # the server asks: configuration, registrations
            result: Any = None
            if message["method"] == "workspace/configuration":
                result = [SETTINGS.get(item.get("section", "")) for item in message["params"]["items"]]
            self._send({"id": message["id"], "result": result})
        return message

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        self._send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self._read()
            if message.get("id") == self.next_id and "method" not in message:
                return message.get("result")

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def _open(self, path: Path) -> str:
        """Open ``path`` with its text on disk (a document opened before gets the text as a change)."""
        uri = path.as_uri()
        text = path.read_text(encoding="utf-8")
        version = self.versions.get(uri, 0) + 1
        self.versions[uri] = version
        if version == 1:
            document = {"uri": uri, "languageId": "yaml", "version": 1, "text": text}
            self.notify("textDocument/didOpen", {"textDocument": document})
        else:
            changed = {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}
            self.notify("textDocument/didChange", changed)
        return uri

    def diagnostics(self, path: Path, timeout: float = 30) -> list[dict[str, Any]]:
        """Open ``path`` and wait for the server's diagnostics once its schema has been applied."""
        uri = self._open(path)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = self._read()
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                found: list[dict[str, Any]] = message["params"]["diagnostics"]
                return found
        raise TimeoutError(uri)

    def hover(self, path: Path, line: int, character: int) -> str:
        """The hover text at a position of ``path`` (with its text on disk)."""
        uri = self._open(path)
        result = self.request(
            "textDocument/hover",
            {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}},
        )
        if not result:
            return ""
        contents = result["contents"]
        return contents["value"] if isinstance(contents, dict) else str(contents)

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()
