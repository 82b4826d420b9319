"""A hand-built campaign for reminders: the small campaign plus loans, pending approvals and roster changes
placed around weekends, the 端午 holiday, the 国庆 holiday and 调休 working days of 2019."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.remind.fake_gitlab import FakeGitLab, serve

EXTRA_APPROVALS = """\
  - 审批编号: SP2019-010
    编号: "0002"
    申请日期: 2019-09-02
    事由: 探亲
    前往国家（地区）: [香港]
    计划出境日期: 2019-09-26
    计划入境日期: 2019-09-28
    本年度第几次: 2
    纪检监察意见:
      意见: 同意
      日期: 2019-09-05
      出具部门: 院纪委
    审批结果: 同意
    审批机构: 院党委
    审批人: 陈建国
    审批日期: 2019-09-10
  - 审批编号: SP2019-011
    编号: "0001"
    申请日期: 2019-09-16
    事由: 旅游
    前往国家（地区）: [泰国]
    计划出境日期: 2019-10-15
    计划入境日期: 2019-10-20
    审批结果: 待审批
"""

EXTRA_LOAN = """\
      - 领用日期: 2019-09-25
        审批编号: SP2019-010
"""

EXTRA_PEOPLE = """\
  - 编号: "0004"
    姓名: 李娜
    性别: 女
    出生日期: 1982-02-14
    公民身份号码: "330602198202140625"
    现任职务: 医务科科长
    登记备案类别: 本地本单位管理的人员
    变动记录:
      - 日期: 2019-05-27
        变动类型: 新增
  - 编号: "0005"
    姓名: 刘洋
    性别: 男
    出生日期: 1966-07-01
    公民身份号码: "330602196607010010"
    现任职务: 工会主席
    登记备案类别: 本地本单位管理的人员
    变动记录:
      - 日期: 2012-03-01
        变动类型: 新增
        报送公安日期: 2012-03-20
        公安入库日期: 2012-03-21
      - 日期: 2019-06-20
        变动类型: 退休
        报送公安日期: 2019-06-24
"""


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")


@pytest.fixture
def ops(campaign: Path) -> Path:
    """srmyy gains: an approved trip with a loan not yet returned (back on Sat 2019-09-28, 7 days → 国庆),
    an approval waiting for the 纪检监察 opinion, 0004 added on 2019-05-27 (June report, not sent) and
    0005 retired on 2019-06-20 (sent on 2019-06-24, not yet entered by the police)."""
    unit = campaign / "submissions/srmyy"
    append(unit / "审批.yaml", EXTRA_APPROVALS)
    append(unit / "证件保管.yaml", EXTRA_LOAN)
    append(unit / "登记备案.yaml", EXTRA_PEOPLE)
    profile = unit / "单位.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("国家工作人员总数: 4", "国家工作人员总数: 6")
    )
    for ident, name in (("0004", "李娜"), ("0005", "刘洋")):
        (unit / f"报告/{ident}-{name}.yaml").write_text(
            "# yaml-language-server: $schema=../../../schemas/report.schema.json\n"
            f'单位代码: srmyy\n编号: "{ident}"\n姓名: {name}\n单位及职务: 绍兴市人民医院\n'
            "报告类型: 零报告\n签名日期: 2019-06-05\n纸质报告表保管: 本单位\n",
            encoding="utf-8",
        )
    return campaign


@pytest.fixture
def fake_gitlab() -> Iterator[FakeGitLab]:
    """The fake GitLab, served on a free port of 127.0.0.1 for the duration of a test."""
    with serve() as fake:
        yield fake
