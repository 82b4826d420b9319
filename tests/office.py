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
  Dim doc As Object, sh As Object, parts As Variant, current As String
  On Error GoTo Failed
  Do While Not EOF(jobNo)
    Line Input #jobNo, text
    If text <> "" Then
      current = text
      parts = Split(text, Chr(9))
      Select Case parts(0)
        Case "OPEN"
          Dim hidden(0) As New com.sun.star.beans.PropertyValue
          hidden(0).Name = "Hidden" : hidden(0).Value = True
          doc = StarDesktop.loadComponentFromURL(ConvertToURL(parts(1)), "_blank", 0, hidden())
        Case "DELETE"
          sh = doc.Sheets.getByName(parts(1))
          sh.Rows.removeByIndex(CLng(parts(2)) - 1, CLng(parts(3)))
        Case "SORT"
          sh = doc.Sheets.getByName(parts(1))
          Dim area As Object
          area = sh.getCellRangeByPosition(0, CLng(parts(2)) - 1, CLng(parts(4)) - 1, CLng(parts(3)) - 1)
          Dim keys(0) As New com.sun.star.table.TableSortField
          keys(0).Field = CLng(parts(5)) - 1
          keys(0).IsAscending = (parts(6) = "asc")
          Dim how(0) As New com.sun.star.beans.PropertyValue
          how(0).Name = "SortFields" : how(0).Value = keys()
          area.sort(how())
        Case "TYPE"
          doc.Sheets.getByName(parts(1)).getCellRangeByName(parts(2)).setFormula(parts(3))
        Case "TEXT"
          doc.Sheets.getByName(parts(1)).getCellRangeByName(parts(2)).setString(parts(3))
        Case "SAVE"
          Dim xlsx(1) As New com.sun.star.beans.PropertyValue
          xlsx(0).Name = "FilterName" : xlsx(0).Value = "Calc MS Excel 2007 XML"
          xlsx(1).Name = "Overwrite" : xlsx(1).Value = True
          doc.storeToURL(ConvertToURL(parts(1)), xlsx())
        Case "PDF"
          Dim pdf(1) As New com.sun.star.beans.PropertyValue
          pdf(0).Name = "FilterName" : pdf(0).Value = "calc_pdf_Export"
          pdf(1).Name = "Overwrite" : pdf(1).Value = True
          doc.storeToURL(ConvertToURL(parts(1)), pdf())
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
            raise RuntimeError(f"CI needs {tool}: .ci/run installs it (libreoffice-calc-nogui, poppler-utils)")
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
        self.steps.append(f"SORT\t{sheet}\t{first}\t{last}\t{columns}\t{key}\t{'asc' if ascending else 'desc'}")
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
                [soffice, "--headless", f"-env:UserInstallation={profile.as_uri()}", "--terminate_after_init"],
                check=True,
                capture_output=True,
                timeout=timeout,
            )
            (profile / "user/basic/Standard/Module1.xba").write_text(MODULE.format(escape(MACRO)), "utf-8")
            settings = profile / "user/registrymodifications.xcu"
            text = settings.read_text("utf-8")
            settings.write_text(text.replace("</oor:items>", SETTINGS + "</oor:items>"), "utf-8")
        job = work / "lo-job.txt"
        job.write_text("\n".join(self.steps) + "\n", "utf-8")
        env = {**os.environ, "PRIVTRAVEL_SOFFICE_JOB": str(job)}
        subprocess.run(
            [
                soffice,
                "--headless",
                "--norestore",
                f"-env:UserInstallation={profile.as_uri()}",
                "macro:///Standard.Module1.Main",
            ],
            check=True,
            capture_output=True,
            env=env,
            timeout=timeout,
        )
        log = Path(f"{job}.log")
        lines = log.read_text("utf-8").splitlines() if log.exists() else []
        failed = [line for line in lines if line.startswith("failed")]
        if failed or len(lines) != len(self.steps):
            raise AssertionError(f"LibreOffice job stopped: {failed or lines[-1:] or '(no log)'}")
        self.steps = []


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
