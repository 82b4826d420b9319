"""Which files under submissions/ and inspections/ are declarations, and what everything else is.

Nothing is skipped unseen.  Each entry is one of: a declaration (loaded); a unit repository's own
file (.git, .gitignore, …: silently not data); an editor's or office program's temporary file
(a warning, F118: it vanishes when the editor closes, and blocking a commit for it only made HR
hunt for a file they cannot see); or something that must go (an error, F117: a hidden file, a
symbolic link, a device) or that sits in the wrong place (F111).
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath

from privtravel.diagnostics import Diagnostic, Result
from privtravel.load.layout import INSPECTIONS, REPORTS_DIR, SUBMISSIONS, UNIT_FILES, path_parts, subject_of
from privtravel.load.layout import unit_repo_extra as _unit_repo_extra
from privtravel.validate.suggest import nearest

# What a mounted unit repository carries at its top, beside the declarations (not data).
_UNIT_REPO_DOTFILES = frozenset(
    {".git", ".gitignore", ".gitattributes", ".gitlab", ".gitmodules", ".pre-commit-config.yaml", ".gitkeep"}
)

# Files editors and office programs leave beside the file being edited: (name pattern, who).
EDITOR_FILES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\..+\.sw[a-p]\Z"), "vim 或 nano 的交换文件"),
    (re.compile(r"\..+\.un~\Z"), "vim 的撤销记录"),
    (re.compile(r"\..+\.kate-swp\Z"), "Kate 的交换文件"),
    (re.compile(r"\.#.+\Z"), "Emacs 的锁文件"),
    (re.compile(r"#.+#\Z"), "Emacs 的自动保存文件"),
    (re.compile(r".+~\Z"), "编辑器的备份文件"),
    (re.compile(r"\.~lock\..+#\Z"), "WPS 或 LibreOffice 的锁文件"),
    (re.compile(r"~\$.+\Z"), "Word、Excel 或 WPS 的临时文件"),
    (re.compile(r".+\.(?:tmp|bak|orig|swp)\Z", re.IGNORECASE), "编辑器或合并工具留下的临时或备份文件"),
    (re.compile(r".+___jb_(?:tmp|old)___\Z"), "JetBrains 编辑器的临时文件"),
    (re.compile(r"\.DS_Store\Z|\._.+\Z"), "macOS 访达留下的文件"),
    (re.compile(r"(?:Thumbs\.db|desktop\.ini)\Z", re.IGNORECASE), "Windows 资源管理器留下的文件"),
)


# Folders editors keep their settings or history in, beside the files being edited.
EDITOR_FOLDERS = {
    ".vscode": "VS Code 的工作区设置文件夹",
    ".idea": "JetBrains 编辑器的项目设置文件夹",
    ".history": "VS Code 插件 Local History 保存旧版本的文件夹",
}


def editor_file(name: str) -> str | None:
    """Which program leaves a file named ``name`` behind, if it is such a file."""
    for pattern, who in EDITOR_FILES:
        if pattern.match(name):
            return who
    return None


def discover(root: Path, problems: list[Diagnostic] | None = None) -> list[str]:
    """Every regular file under submissions/ and inspections/, as sorted POSIX paths.

    Hidden entries (but a unit repository's own .git, .gitignore, …) and symbolic links, dangling
    or not, are not loaded and each gets an F117 in ``problems``; editors' temporary files an F118.
    os.scandir, not pathlib: at 60,000 files pathlib's path objects cost a second.
    """
    found: list[str] = []
    for top in (SUBMISSIONS, INSPECTIONS):
        base = root / top
        if not base.is_dir():
            continue
        pending = [(os.fspath(base), top)]
        while pending:
            folder, rel_folder = pending.pop()
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue
            for entry in entries:
                rel = f"{rel_folder}/{entry.name}"
                if _unit_repo_extra(rel):
                    continue
                try:
                    _sort(entry, rel, found, pending, problems)
                except OSError:
                    continue
    return sorted(found)


def _sort(
    entry: os.DirEntry[str],
    rel: str,
    found: list[str],
    pending: list[tuple[str, str]],
    problems: list[Diagnostic] | None,
) -> None:
    folder = entry.is_dir(follow_symlinks=False)
    who = EDITOR_FOLDERS.get(entry.name) if folder else editor_file(entry.name)
    if who is not None:
        if problems is not None:
            problems.append(Diagnostic(rel, "F118", _editor_message(entry.name, who)))
        return
    problem = _irregular(entry, rel)
    if problem is not None:
        if problems is not None and problem:
            problems.append(Diagnostic(rel, "F117", problem))
    elif entry.is_dir(follow_symlinks=False):
        pending.append((entry.path, rel))
    elif entry.is_file(follow_symlinks=False):
        found.append(rel)
    elif problems is not None:
        problems.append(Diagnostic(rel, "F117", "这不是普通文件（设备、管道等），未作检查：请删掉它。"))


def _editor_message(name: str, who: str) -> str:
    if who.endswith("文件夹"):
        return (
            f"「{name}」是{who}，其中的内容不是填报文件，未作检查，也不影响检查结果。"
            "不需要时可以删掉；不要把它提交到仓库。"
        )
    return (
        f"「{name}」是{who}，不是填报文件，未作检查，也不影响检查结果："
        "编辑器或表格软件关闭后它通常会自动消失；如果已经关闭，请直接删掉这个文件。不要把它提交到仓库。"
    )


def _irregular(entry: os.DirEntry[str], rel: str) -> str | None:
    """Why an entry is not read: a message, "" for a unit repository's own files, None if it is read."""
    if entry.is_symlink():
        target = os.path.realpath(entry.path)
        if not os.path.exists(target):
            return "这是一个指向不存在的文件的符号链接（失效的链接），未作检查：请删掉它，或换成文件本身。"
        return "这是一个符号链接，不作为填报文件读取（它可以指向仓库之外的任何文件）：请换成文件本身。"
    if not entry.name.startswith("."):
        return None
    if entry.name in _UNIT_REPO_DOTFILES and len(path_parts(rel)) == 3 and rel.startswith(f"{SUBMISSIONS}/"):
        return ""
    kind = "文件夹" if entry.is_dir(follow_symlinks=False) else "文件"
    return (
        f"「{entry.name}」是隐藏{kind}（名称以「.」开头），未作检查：填报文件不能隐藏。"
        f"如果它是填报文件，请去掉名称开头的「.」；否则请删掉这个{kind}（文件管理器里要先打开「显示隐藏文件」）。"
    )


def declarations(root: Path, wanted: set[str] | None, result: Result) -> list[str]:
    """The files to load; what is found but cannot be loaded (hidden files, links, files outside any
    unit folder) is reported here, for the units asked for (all of them: stray files too)."""
    problems: list[Diagnostic] = []
    paths: list[str] = []
    for p in discover(root, problems):
        code = subject_of(p)
        if code is None:
            problems.append(Diagnostic(p, "F111", unknown_file_message(p), 1, 1))
        elif wanted is None or code in wanted:
            paths.append(p)
    result.extend(d for d in problems if wanted is None or subject_of(d.path) in wanted)
    return paths


def unknown_file_message(rel: str) -> str:
    parts = PurePosixPath(rel).parts
    name = parts[-1]
    if parts[0] == INSPECTIONS:
        return f"inspections/ 下每个被检查单位一个文件，写成「单位代码.yaml」，如「srmyy.yaml」（现在是「{rel}」）。"
    if len(parts) == 2:
        return f"submissions/ 下只能放各单位的文件夹，「{name}」应放进本单位的文件夹。"
    known = [*UNIT_FILES, f"{REPORTS_DIR}/"]
    if len(parts) == 4 and parts[2] == REPORTS_DIR:
        return f"报告文件的扩展名应为 .yaml，文件名写成「编号-姓名.yaml」，如「0012-张三.yaml」（现在是「{name}」）。"
    if len(parts) == 3:
        best, _ = nearest(PurePosixPath(name).stem, [PurePosixPath(k).stem for k in UNIT_FILES])
        hint = f"是不是要写「{best}.yaml」？" if best else ""
        return f"无法识别的文件「{name}」。{hint}单位文件夹里只能有：{'、'.join(known)}。"
    return f"无法识别的位置「{rel}」：报告表放在「{REPORTS_DIR}/」下，其他文件放在单位文件夹里。"
