"""LibreOffice itself, driven the way a clerk uses it: open a workbook, delete or sort rows, type into
cells, save as .xlsx, print to PDF.  One soffice process runs a whole job (it is slow to start).

A Basic macro in a private user profile reads the job, one step a line, and writes a line to a log
for each step done; a step that fails ends the job with the failure in the log.  Debian's
``libreoffice-calc-nogui`` provides soffice (``.ci/run`` installs it); under ``CI=1`` its absence
fails instead of skipping.  PDFs become PNGs with poppler's pdftoppm.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"

MACRO = r"""
Sub Main
  Dim job As String, logName As String, text As String
  job = Environ("PRIVTRAVEL_SOFFICE_JOB")
  logName = job & ".log"
  Dim jobNo As Integer, logNo As Integer
  jobNo = FreeFile
  Open job For Input As #jobNo
  logNo = FreeFile
  Open logName For Output As #logNo
  Dim doc As Object, parts As Variant, current As String
  On Error GoTo Failed
  Do While Not EOF(jobNo)
    Line Input #jobNo, text
    If text <> "" Then
      current = text
      parts = Split(text, Chr(9))
      Select Case parts(0)
        Case "OPEN"
          doc = OpenDoc(parts(1))
        Case "DELETE"
          doc.Sheets.getByName(parts(1)).Rows.removeByIndex(CLng(parts(2)) - 1, CLng(parts(3)))
        Case "SORT"
          SortRows(doc.Sheets.getByName(parts(1)), CLng(parts(2)), CLng(parts(3)), CLng(parts(4)), _
            CLng(parts(5)), parts(6) = "asc")
        Case "TYPE"
          doc.Sheets.getByName(parts(1)).getCellRangeByName(parts(2)).setFormula(parts(3))
        Case "TEXT"
          doc.Sheets.getByName(parts(1)).getCellRangeByName(parts(2)).setString(parts(3))
        Case "SAVE"
          StoreAs(doc, parts(1), "Calc MS Excel 2007 XML")
        Case "PDF"
          StoreAs(doc, parts(1), "calc_pdf_Export")
        Case "CLOSE"
          doc.close(True)
      End Select
      Print #logNo, "done" & Chr(9) & current
    End If
  Loop
  GoTo Finish
Failed:
  Print #logNo, "failed" & Chr(9) & current & Chr(9) & Error$
Finish:
  Close #logNo
  Close #jobNo
  StarDesktop.terminate()
End Sub

Rem Arrays of structs live in functions: Basic refuses to assign into one a second time.
Function OpenDoc(path As String) As Object
  Dim hidden(0) As New com.sun.star.beans.PropertyValue
  hidden(0).Name = "Hidden"
  hidden(0).Value = True
  OpenDoc = StarDesktop.loadComponentFromURL(ConvertToURL(path), "_blank", 0, hidden())
End Function

Sub StoreAs(doc As Object, path As String, filter As String)
  Dim how(1) As New com.sun.star.beans.PropertyValue
  how(0).Name = "FilterName"
  how(0).Value = filter
  how(1).Name = "Overwrite"
  how(1).Value = True
  doc.storeToURL(ConvertToURL(path), how())
End Sub

Sub SortRows(sheet As Object, first As Long, last As Long, width As Long, column As Long, ascending As Boolean)
  Dim keys(0) As New com.sun.star.table.TableSortField
  keys(0).Field = column - 1
  keys(0).IsAscending = ascending
  Dim how(0) As New com.sun.star.beans.PropertyValue
  how(0).Name = "SortFields"
  how(0).Value = keys()
  sheet.getCellRangeByPosition(0, first - 1, width - 1, last - 1).sort(how())
End Sub
"""

MODULE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n'
    '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" '
    'script:language="StarBasic">{}</script:module>'
)

# zh-CN as the locale (how typed dates are recognised), no first-start wizard.
SETTINGS = """<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">
<value>zh-CN</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse">
<value>false</value></prop></item>
"""


def require(tool: str) -> str:
    found = shutil.which(tool) or (f"/usr/bin/{tool}" if Path(f"/usr/bin/{tool}").exists() else None)
    if found is None:
        if os.environ.get("CI"):
            raise RuntimeError(
                f"CI needs {tool}: .ci/run installs it (libreoffice-calc-nogui, poppler-utils)"
            )
        pytest.skip(f"{tool} is not installed (CI installs it)")
    return found


@dataclass
class Job:
    """Steps for one soffice run; cells are addressed like A1, rows are 1-based as on screen."""

    steps: list[str] = field(default_factory=list)

    def open(self, path: Path) -> Job:
        self.steps.append(f"OPEN\t{path}")
        return self

    def delete_rows(self, sheet: str, first: int, count: int = 1) -> Job:
        self.steps.append(f"DELETE\t{sheet}\t{first}\t{count}")
        return self

    def sort(self, sheet: str, first: int, last: int, columns: int, key: int, *, ascending: bool) -> Job:
        self.steps.append(
            f"SORT\t{sheet}\t{first}\t{last}\t{columns}\t{key}\t{'asc' if ascending else 'desc'}"
        )
        return self

    def type(self, sheet: str, cell: str, text: str) -> Job:
        """Enter ``text`` as typed at the keyboard (LibreOffice recognises numbers and dates)."""
        self.steps.append(f"TYPE\t{sheet}\t{cell}\t{text}")
        return self

    def text(self, sheet: str, cell: str, text: str) -> Job:
        """Enter ``text`` as text (a cell formatted 文本, or pasted text)."""
        self.steps.append(f"TEXT\t{sheet}\t{cell}\t{text}")
        return self

    def save_xlsx(self, path: Path) -> Job:
        self.steps.append(f"SAVE\t{path}")
        return self

    def pdf(self, path: Path) -> Job:
        self.steps.append(f"PDF\t{path}")
        return self

    def close(self) -> Job:
        self.steps.append("CLOSE")
        return self

    def run(self, work: Path, timeout: float = 300) -> None:
        soffice = require("soffice")
        profile = work / "lo-profile"
        if not profile.exists():
            subprocess.run(
                [
                    soffice,
                    "--headless",
                    f"-env:UserInstallation={profile.as_uri()}",
                    "--terminate_after_init",
                ],
                check=True,
                capture_output=True,
                timeout=timeout,
            )
            settings = profile / "user/registrymodifications.xcu"
            text = settings.read_text("utf-8")
            settings.write_text(text.replace("</oor:items>", SETTINGS + "</oor:items>"), "utf-8")
        (profile / "user/basic/Standard/Module1.xba").write_text(MODULE.format(escape(MACRO)), "utf-8")
        job = work / "lo-job.txt"
        job.write_text("\n".join(self.steps) + "\n", "utf-8")
        env = {**os.environ, "PRIVTRAVEL_SOFFICE_JOB": str(job)}
        command = [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={profile.as_uri()}",
            "macro:///Standard.Module1.Main",
        ]
        with subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        ) as process:
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:  # a dialog nobody can close: end soffice and its children
                os.killpg(process.pid, signal.SIGKILL)
                raise
        log = Path(f"{job}.log")
        lines = log.read_text("utf-8").splitlines() if log.exists() else []
        failed = [line for line in lines if line.startswith("failed")]
        if failed or len(lines) != len(self.steps):
            raise AssertionError(f"LibreOffice job stopped: {failed or lines[-1:] or '(no log)'}")
        self.steps = []


def filled_rows(path: Path, sheet: str, first: int) -> int:
    """How many rows from ``first`` down hold something (in a workbook saved by this tool)."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return sum(1 for row in book[sheet].iter_rows(min_row=first, values_only=True) if any(row))
    finally:
        book.close()


def clerk_edits(job: Job, template: Path) -> Job:
    """A clerk's LibreOffice session on a unit workbook: a blank row deleted below the data of every
    sheet (LibreOffice then saves each sheet 1,048,576 rows deep), 登记备案人员 sorted by 姓名 and
    出国（境）情况 by date, newest first.  Nothing in the data changes."""
    from privtravel.excel.layout import layout
    from privtravel.excel.workbook_write import FIRST_ROW

    job.open(template)
    for sheet in layout().sheets:
        if not sheet.spec.form:
            job.delete_rows(sheet.name, FIRST_ROW + filled_rows(template, sheet.name, FIRST_ROW) + 3)
    for name, key in (("登记备案人员", "姓名"), ("出国（境）情况", "出境日期")):
        sheet = layout().sheet(name)
        count = filled_rows(template, name, FIRST_ROW)
        column = [c.header for c in sheet.columns].index(key) + 1
        if count > 1:
            job.sort(name, FIRST_ROW, FIRST_ROW + count - 1, len(sheet.columns), column, ascending=False)
    return job


def png_pages(pdf: Path, out: Path, *, dpi: int = 50) -> list[Path]:
    """Each page of ``pdf`` as a PNG (pdftoppm), in page order."""
    tool = require("pdftoppm")
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool, "-r", str(dpi), "-png", str(pdf), str(out / pdf.stem)], check=True, timeout=300)
    return sorted(out.glob(f"{pdf.stem}*.png"))


def pdf_pages(pdf: Path) -> list[tuple[float, float]]:
    """(width, height) in points of each page, from pdfinfo."""
    tool = require("pdfinfo")
    done = subprocess.run(
        [tool, "-f", "1", "-l", "9999", str(pdf)], check=True, capture_output=True, text=True, timeout=60
    )
    sizes = []
    for line in done.stdout.splitlines():
        if line.startswith("Page") and "size:" in line:
            words = line.split("size:")[1].split()
            sizes.append((float(words[0]), float(words[2])))
    return sizes


def pdf_text(pdf: Path) -> str:
    tool = require("pdftotext")
    done = subprocess.run([tool, "-layout", str(pdf), "-"], check=True, capture_output=True, timeout=60)
    return done.stdout.decode("utf-8")
