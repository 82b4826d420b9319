"""`privtravel review` on real merge-request branches: what a reviewer reads, masked and to the point."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from privtravel.workflow.review import build, markdown
from privtravel.workflow.review.extras import Extras, Figure
from privtravel.workflow.review.trees import Tree
from tests.workflow.wfgit import commit, edit, git, privtravel

UNIT = "submissions/srmyy"
REPORT = f"{UNIT}/报告/0001-赵明.yaml"

NEW_PERSON = """\
  - 编号: "0004"
    姓名: 李娜
    性别: 女
    出生日期: 1981-09-15
    公民身份号码: "330602198109150028"
    现任职务: 护理部主任
    登记备案类别: 本地本单位管理的人员
    变动记录:
      - 日期: 2019-06-01
        变动类型: 新增
        报送公安日期: 2019-06-20
"""
NEW_REPORT = """\
# yaml-language-server: $schema=../../../schemas/report.schema.json
单位代码: srmyy
编号: "0004"
姓名: 李娜
单位及职务: 绍兴市人民医院 护理部主任
报告类型: 填报
持有证件:
  - 证件类别: 普通护照
    证件号码: EA7654321
    签发日期: 2016-03-01
    有效期至: 2026-02-28
    保管机构: 组织人事科
签名日期: 2019-06-08
纸质报告表保管: 本单位
"""
NEW_CASE = """\
问题:
  - 问题编号: WG2019-01
    编号: "0002"
    问题类型: [瞒报出国境情况]
    问题描述: 2018 年赴澳门未在报告表中填报，经公安比对发现。
    发现日期: 2019-06-20
    发现途径: 公安比对
    处理:
      - 处理方式: 批评教育
        决定日期: 2019-06-25
        决定机关: 院党委
"""


def review(root: Path) -> str:
    done = privtravel(root, "review", "--base", "main")
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_one_line_fix_gives_a_short_summary(branch: Path) -> None:
    edit(branch / REPORT, "入境日期: 2018-02-17", "入境日期: 2018-02-18")
    commit(branch, "赵明入境日期更正")
    text = review(branch)
    assert "- 变更 0001 赵明：出国（境）情况「2018-02-10 日本」：入境日期 2018-02-17 → 2018-02-18" in text
    assert "改动 1 个文件，涉及 1 个单位：绍兴市人民医院" in text
    assert "<details>" not in text
    assert len([line for line in text.splitlines() if line.strip()]) <= 8


def test_an_added_person_with_registration_and_report(branch: Path) -> None:
    edit(branch / f"{UNIT}/登记备案.yaml", '  - 编号: "0002"', NEW_PERSON + '  - 编号: "0002"')
    (branch / f"{UNIT}/报告/0004-李娜.yaml").write_text(NEW_REPORT, encoding="utf-8")
    edit(branch / f"{UNIT}/单位.yaml", "国家工作人员总数: 4", "国家工作人员总数: 5")
    text = review(branch)  # uncommitted and untracked: the working tree is what is reviewed
    assert "- 新增 0004 李娜：本地本单位管理的人员，护理部主任；2019-06-01 新增" in text
    assert (
        "- 新增 0004 李娜\n  - 填报，签名日期 2019-06-08\n  - 持有证件：普通护照 E\\*\\*\\*\\*\\*\\*21"
        in text
    )
    assert "- 变更 绍兴市人民医院：国家工作人员总数 4 → 5" in text
    assert "EA7654321" not in text and "330602198109150028" not in text


def test_a_changed_trip_a_document_number_and_a_custody_return(branch: Path) -> None:
    edit(
        branch / REPORT,
        "入境日期: 2018-02-17\n    所到国家（地区）: [日本]",
        "入境日期: 2018-02-17\n    所到国家（地区）: [日本, 韩国]",
    )
    edit(branch / REPORT, "证件号码: E12345678", "证件号码: E12345679")
    custody = branch / f"{UNIT}/证件保管.yaml"
    edit(custody, "        交回日期: 2019-02-02\n", "")
    commit(branch, "更正")
    text = review(branch)
    assert (
        "持有证件普通护照 E\\*\\*\\*\\*\\*\\*79：证件号码 E\\*\\*\\*\\*\\*\\*78 → E\\*\\*\\*\\*\\*\\*79"
        in text
    )
    assert "出国（境）情况「2018-02-10 日本、韩国」：所到国家（地区） 日本 → 日本、韩国" in text
    assert "领用记录领用 2019-01-24（审批 SP2019-003）：交回日期 2019-02-02 → （空）" in text
    assert "E12345678" not in text and "CA1234567" not in text


def test_a_new_case_with_its_handling(branch: Path) -> None:
    edit(branch / f"{UNIT}/违规问题.yaml", "问题: []\n", NEW_CASE)
    commit(branch, "钱芳瞒报")
    text = review(branch)
    assert "**违规违纪问题及处理**" in text
    assert (
        "- 新增 WG2019-01 0002 钱芳\n  - 问题类型：瞒报出国境情况\n  - 发现途径：公安比对（2019-06-20）"
        in text
    )
    assert "  - 处理：批评教育（2019-06-25，院党委）" in text
    edit(
        branch / f"{UNIT}/违规问题.yaml",
        "决定机关: 院党委\n",
        "决定机关: 院党委\n      - 处理方式: 诫勉\n        决定日期: 2019-06-28\n        决定机关: 院党委\n",
    )
    later = privtravel(branch, "review", "--base", "HEAD").stdout
    assert "- 变更 WG2019-01 0002 钱芳：新增处理：诫勉（2019-06-28，院党委）" in later


def test_a_units_first_submission_is_complete_and_collapsed(branch: Path) -> None:
    git(branch, "checkout", "-q", "main")
    git(branch, "rm", "-r", "-q", UNIT)
    commit(branch, "人民医院尚未填报")
    git(branch, "checkout", "-q", "-b", "first")
    git(branch, "checkout", "hr/change", "--", UNIT)
    for i, name in enumerate(
        ["周一", "吴二", "郑三", "王四", "冯五", "陈六", "褚七"], start=5
    ):  # more than fit on a screen
        (branch / f"{UNIT}/报告/{i:04d}-{name}.yaml").write_text(
            NEW_REPORT.replace('编号: "0004"', f'编号: "{i:04d}"').replace("李娜", name), encoding="utf-8"
        )
    text = review(branch)
    assert "<details><summary><b>报告表（附件1）</b>：新增 10</summary>" in text
    assert text.count("- 新增 00") == 10 + 2 + 1  # every report, person and document in custody
    assert "- 新增 SP2019-003 0002 钱芳\n  - 探亲，香港，2019-01-26 至 2019-01-30" in text
    assert "**证件保管登记册**" in text  # short sections stay open
    assert "<details><summary>改动的文件</summary>" in text


def test_a_file_with_errors_is_not_shown_as_deleted(branch: Path) -> None:
    edit(
        branch / f"{UNIT}/审批.yaml",
        "审批结果: 同意\n    审批机构: 委党委",
        "审批结果: 准了\n    审批机构: 委党委",
    )
    text = review(branch)
    assert "审批.yaml 有错误，未比较" in text
    assert "删除 SP2018-001" not in text
    assert "有错误的文件未参与比较" in text


def test_files_outside_the_declarations_are_pointed_out(branch: Path) -> None:
    (branch / "Makefile").write_text("all:\n", encoding="utf-8")
    commit(branch, "Makefile")
    text = review(branch)
    assert "本合并请求没有改动填报内容。" in text
    assert "改动了 1 个填报文件以外的文件（由维护人员审核）：`Makefile`" in text


def registered(tree: Tree) -> Iterable[Figure]:
    """A figure source of our own through the seam: registered people per unit."""
    assert tree.repo.campaign is not None
    for unit in tree.repo.campaign.units:
        people = tree.repo.units[unit.code].roster if unit.code in tree.repo.units else []
        yield Figure("名单", unit.name, "登记备案人员", str(len(people)))


def test_statistics_that_change_are_listed_old_to_new(branch: Path) -> None:
    edit(branch / f"{UNIT}/登记备案.yaml", '  - 编号: "0002"', NEW_PERSON + '  - 编号: "0002"')
    commit(branch, "新增李娜")
    text = review(branch)  # the installed statistics: privtravel.stats
    assert "| 附件2 | 绍兴市人民医院 | 组织开展情况›新增登记备案人数 | 0 | 1 |" in text
    assert "| 附件3 | 合计 | 登记备案数情况›实备数 | 4 | 5 |" in text
    assert "绍兴市疾病预防控制中心 |" not in text  # unchanged figures are not listed
    own = markdown.render(build.review(branch, "main", Extras(figures=(registered,))))
    assert "### 附件2、附件3 变化的数字（1 个）" in own
    assert "| 名单 | 绍兴市人民医院 | 登记备案人员 | 2 | 3 |" in own


CUSTODY_ITEM = """\
  - 编号: "0004"
    证件类别: 普通护照
    证件号码: EA7654321
    交存日期: 2019-06-10
"""


def test_findings_opened_and_closed(branch: Path) -> None:
    edit(branch / f"{UNIT}/登记备案.yaml", '  - 编号: "0002"', NEW_PERSON + '  - 编号: "0002"')
    (branch / f"{UNIT}/报告/0004-李娜.yaml").write_text(NEW_REPORT, encoding="utf-8")
    commit(branch, "新增李娜")
    opened = review(branch)
    masked = "E" + "\\*" * 6 + "21"  # Markdown-escaped E******21
    assert f"- 新发现 绍兴市人民医院：X301 0004 李娜 的有效普通护照 {masked} 不在证件保管登记册中" in opened
    edit(branch / f"{UNIT}/证件保管.yaml", "证件:\n", "证件:\n" + CUSTODY_ITEM)
    closed = privtravel(branch, "review", "--base", "HEAD").stdout
    assert f"- 已消除 绍兴市人民医院：X301 0004 李娜 的有效普通护照 {masked}" in closed
    assert "EA7654321" not in opened + closed


def test_summary_is_written_to_a_file_and_note_is_skipped_without_token(branch: Path) -> None:
    edit(branch / REPORT, "入境日期: 2018-02-17", "入境日期: 2018-02-18")
    done = privtravel(branch, "review", "--base", "main", "--out", "build/审核摘要.md", "--note")
    assert done.returncode == 0, done.stderr
    assert "未配置 PRIVTRAVEL_GITLAB_TOKEN" in done.stdout
    assert "入境日期 2018-02-17 → 2018-02-18" in (branch / "build/审核摘要.md").read_text(encoding="utf-8")
