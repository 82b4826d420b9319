"""The hand-built baseline: police data that agrees with the declarations gives only known findings."""

from __future__ import annotations

import json
import subprocess
import sys

from privtravel.diagnostics import Result
from privtravel.load.repository import load_campaign
from privtravel.site.pages import findings
from tests.crosscheck.scenes import Scene, codes, found


def test_agreeing_police_data_adds_no_finding(scene: Scene) -> None:
    outcome = scene.run()
    assert not outcome.result.errors
    assert outcome.trips == 3
    keys = sorted((a.finding.unit, a.finding.key) for a in outcome.answered)
    assert keys == [
        ("sjkzx", "X301-01-L78-20180301"),  # 陈刚 keeps his pass; sjkzx has no custody register
        ("szyy", "X101-szyy"),  # 管理制度: []
        ("szyy", "X202-A02-20190506-新增"),  # 冯涛 added in May, never reported to the police
        ("szyy", "X503-A02"),  # 冯涛 has no report
    ]
    assert codes(scene.run(), unit="srmyy") == []


def test_output_is_deterministic_and_masked(scene: Scene) -> None:
    scene.run()
    cmd = [sys.executable, "-m", "privtravel", "--root", str(scene.root), "crosscheck", "--format", "json"]
    first = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    second = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    assert first == second
    data = json.loads(first)
    assert data["complete"] and data["data_date"] == "2019-06-30"
    assert data["police"]["manifest"] == "police/交付清单.yaml"
    assert {f["code"] for f in data["findings"]} == {"X101", "X202", "X301", "X503"}
    text = subprocess.run(cmd[:-2], capture_output=True, text=True, check=True).stdout
    for full in ("L12345678", "E12345678", "CA1234567", "330602197512300570"):
        assert full not in first and full not in text
    assert "L******78" in text


def test_summary_has_six_indicators_per_unit(scene: Scene) -> None:
    outcome = scene.run()
    by_unit = {u.unit: u for u in outcome.units}
    assert list(by_unit) == ["srmyy", "szyy", "sjkzx"]
    szyy = {i.value: s for i, s in by_unit["szyy"].indicators.items()}
    assert list(szyy) == ["应建尽建", "应备尽备", "应交尽交", "应审尽审", "应查尽查", "应处尽处"]
    assert szyy["应建尽建"].verdict == "待核实 1 项"
    assert szyy["应建尽建"].flat()["是否建立相关制度"] == "否"
    assert szyy["应交尽交"].verdict == "未发现问题"
    srmyy = {i.value: s for i, s in by_unit["srmyy"].indicators.items()}
    assert srmyy["应审尽审"].flat()["公安记录出境次数"] == 2
    assert found(outcome, "X101")[0].finding.info.indicator.value == "应建尽建"


def test_the_findings_page_names_who_delivered_the_police_data_and_when_extracted(scene: Scene) -> None:
    outcome = scene.run()
    assert outcome.police.provider == "绍兴市公安局出入境管理支队"
    campaign = load_campaign(scene.root, Result())
    assert campaign is not None
    text = findings.page(campaign, outcome, {})
    assert "（绍兴市公安局出入境管理支队提供，2019年6月30日提取）" in text
