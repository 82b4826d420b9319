"""Bytes to text: UTF-8 (with or without a BOM), anything else refused naming the likely encoding."""

from __future__ import annotations

from privtravel.diagnostics import Diagnostic


def decode(path: str, raw: bytes, out: list[Diagnostic]) -> str | None:
    """UTF-8 (a BOM is accepted with a warning); anything else is an error naming the encoding."""
    if raw.startswith(b"\xef\xbb\xbf"):
        out.append(
            Diagnostic(path, "F103", "文件开头带有 UTF-8 BOM，可以使用；建议另存为无 BOM 的 UTF-8。", 1, 1)
        )
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            guess = "看起来是 UTF-16 编码（部分 Windows 工具的「Unicode」选项）"
        elif _looks_gbk(raw):
            guess = "看起来是 GBK/GB2312 编码（Windows 中文系统的默认编码）"
        else:
            guess = "无法识别其编码"
        out.append(
            Diagnostic(
                path,
                "F102",
                f"文件不是 UTF-8 编码，{guess}。请用编辑器另存为「UTF-8」后再提交。",
                line,
                col,
            )
        )
        return None


def _looks_gbk(raw: bytes) -> bool:
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)
