"""Fuzzed police deliveries: any change to a delivered file after its manifest was written is an error,
and no mutation of the files or the manifest ends in a traceback or an unregistered code."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path

from privtravel.codes import CODES
from privtravel.diagnostics import Result
from privtravel.police import load

from .test_import import CROSSING, HOLDING, ROW, TRIP, write_csv

REPO = Path(__file__).parents[2]
CASES = 400


def _mutate(raw: bytes, rng: random.Random) -> bytes:
    data = bytearray(raw)
    for _ in range(rng.randint(1, 3)):
        kind = rng.randrange(6)
        at = rng.randrange(len(data) + 1)
        if kind == 0 and data:  # flip a byte
            data[min(at, len(data) - 1)] ^= 1 << rng.randrange(8)
        elif kind == 1:  # cut here (truncation)
            del data[at:]
        elif kind == 2:  # insert a piece of itself (a duplicated or spliced row)
            start = rng.randrange(len(data) + 1)
            data[at:at] = data[start : start + rng.randint(1, 80)]
        elif kind == 3:  # delete a span
            del data[at : at + rng.randint(1, 40)]
        elif kind == 4:  # insert odd bytes
            data[at:at] = rng.choice(
                [b"\x00", b"\r", b"\n", b",", b'"', "\u3000".encode(), b"\xff\xfe", b"\xef\xbb\xbf"]
            )
        else:  # swap two lines
            lines = bytes(data).split(b"\r\n")
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            data = bytearray(b"\r\n".join(lines))
    return bytes(data)


def test_every_change_to_a_delivered_file_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "police"
    write_csv(folder, "持证信息", [HOLDING, ROW])
    write_csv(folder, "出入境记录", [CROSSING, *TRIP, [*TRIP[0][:2], "2019-03-01", *TRIP[0][3:]]])
    originals = {p.name: p.read_bytes() for p in folder.iterdir()}
    rng = random.Random(18)
    for case in range(CASES):
        for name, raw in originals.items():
            (folder / name).write_bytes(raw)
        name = rng.choice(sorted(originals))
        changed = _mutate(originals[name], rng)
        (folder / name).write_bytes(changed)
        result = Result()
        load.load(tmp_path, None, result)  # must not raise
        assert all(d.code in CODES for d in result.diagnostics), (case, name, result.diagnostics)
        assert all(d.path for d in result.diagnostics), (case, result.diagnostics)
        if changed != originals[name] and not name.endswith(".yaml"):
            assert result.errors, (case, name, changed)


def test_a_bad_delivery_stops_crosscheck_with_exit_1_and_the_reason(tmp_path: Path) -> None:
    for name in ("campaign.yaml", "submissions", "police", "inspections"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name)
        else:
            shutil.copy2(source, tmp_path / name)
    crossings = tmp_path / "police" / "出入境记录.csv"
    crossings.write_bytes(crossings.read_bytes().rsplit(b"\r\n", 101)[0] + b"\r\n")  # the last 100 rows lost
    done = subprocess.run(
        [sys.executable, "-m", "privtravel", "--root", str(tmp_path), "crosscheck"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stdout[-2000:] + done.stderr[-2000:]
    assert "少了 100 行" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr
