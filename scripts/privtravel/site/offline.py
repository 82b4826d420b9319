"""The built site works without the internet and from a folder (``file://``), on old browsers too.

MkDocs Material (pinned 9.8.2) would reach https://unpkg.com in three places: its ``offline`` plugin adds
the ``iframe-worker`` shim (search from ``file://``), and its bundle loads ``resize-observer-polyfill`` on
browsers without ResizeObserver and ``mermaid`` on pages with diagrams.  We do the offline plugin's
work ourselves (it would also turn off directory URLs): the shim is vendored in site/assets/vendor and
named as a polyfill, and the search index is also written as a script.  The bundle's two loaders get
``data:`` scripts instead of the CDN: a small ResizeObserver that follows window resizes, and a
mermaid stub (the dashboard draws its charts as inline SVG).  A Material upgrade that moves these
strings fails the build with a clear message instead of silently reaching the internet.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from privtravel.diagnostics import FatalError

SHIM = "assets/vendor/iframe-worker-shim.js"

_RESIZE_OBSERVER = (
    "window.ResizeObserver=window.ResizeObserver||function(c){var t=[],o=this;"
    "function f(){c(t.map(function(e){return{target:e,contentRect:e.getBoundingClientRect()}}),o)}"
    "window.addEventListener('resize',f);o.observe=function(e){t.push(e);setTimeout(f,0)};"
    "o.unobserve=function(e){t=t.filter(function(x){return x!==e})};o.disconnect=function(){t=[]}}"
)
_MERMAID = "window.mermaid={initialize:function(){},run:function(){throw new Error('看板不加载外部图表库')}}"
LOADERS = {
    "https://unpkg.com/resize-observer-polyfill": _RESIZE_OBSERVER,
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": _MERMAID,
}


def polyfills() -> list[str]:
    """``extra.polyfills``: the local iframe-worker shim (it only acts under ``file://``)."""
    return [SHIM]


def patch_bundle(site: Path) -> None:
    bundles = sorted((site / "assets" / "javascripts").glob("bundle.*.min.js"))
    if not bundles:
        raise FatalError(f"看板构建失败：{site}/assets/javascripts 中找不到 MkDocs Material 的脚本。")
    for bundle in bundles:
        text = bundle.read_text(encoding="utf-8")
        for url, script in LOADERS.items():
            if url not in text:
                raise FatalError(
                    f"看板构建失败：{bundle.name} 中找不到 {url}（MkDocs Material 版本变了？）；"
                    "请检查 scripts/privtravel/site/offline.py，确保看板不从外部加载脚本。"
                )
            text = text.replace(url, "data:text/javascript," + quote(script, safe=""))
        bundle.write_text(text, encoding="utf-8")


def read_index(site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return data


def write_index(site: Path, index: dict[str, Any]) -> None:
    """The index as JSON (served site) and as a script (``file://``, what the offline plugin writes)."""
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    (site / "search" / "search_index.json").write_text(text, encoding="utf-8")
    (site / "search" / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")
