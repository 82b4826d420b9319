"""The audit trail from real repositories: only first-parent merges of main are merge requests."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from privtravel.diagnostics import Result
from privtravel.load.repository import load_campaign
from privtravel.model import Campaign
from privtravel.site.audit import DIRECT, INITIAL, MERGE, MERGE_REQUEST, by_unit, read_log
from privtravel.site.audit_trail import Trail, load
from privtravel.site.pages.audit import audit_page, unit_section
from tests import gitlab_fake

REPORT = "submissions/srmyy/报告/0003-孙伟.yaml"


def git(root: Path, *args: str, who: str = "人事科王丽") -> str:
    env = {
        "GIT_AUTHOR_NAME": who,
        "GIT_AUTHOR_EMAIL": "a@example.invalid",
        "GIT_COMMITTER_NAME": who,
        "GIT_COMMITTER_EMAIL": "a@example.invalid",
        "PATH": "/usr/bin:/bin",
        "HOME": str(root),
    }
    return subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True, text=True, env=env
    ).stdout


def change(root: Path, rel: str, text: str = "\n# 更正\n") -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as f:
        f.write(text)


def commit(root: Path, message: str, *paths: str, who: str = "人事科王丽") -> str:
    for rel in paths:
        change(root, rel)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, who=who)
    return git(root, "rev-parse", "HEAD").strip()


def gitlab_merge(root: Path, branch: str, iid: int, title: str, approvers: list[str]) -> str:
    """Merge ``branch`` into main as GitLab does: --no-ff, its default template plus %{approved_by}."""
    lines = [f"Merge branch '{branch}' into 'main'", "", title, ""]
    lines += [f"Approved-by: {a} <{a}@example.invalid>" for a in approvers]
    lines += ["", f"See merge request wjw/privtravel!{iid}"]
    git(root, "checkout", "-q", "main")
    git(root, "merge", "--no-ff", "-q", branch, "-m", "\n".join(lines), who="委政治处徐彤")
    return git(root, "rev-parse", "HEAD").strip()


def campaign_of(root: Path) -> Campaign:
    found = load_campaign(root, Result())
    assert found is not None
    return found


@pytest.fixture
def history(campaign_repo: Path) -> dict[str, str]:
    """main: 初始提交; MR !7 (two commits, one with a forged approval line); a direct data push;
    a tool commit pushed directly; a unit commit forging a merge request pushed directly; MR !8 mixing tool and data."""
    root = campaign_repo
    shas: dict[str, str] = {}
    git(root, "checkout", "-q", "-b", "srmyy-update")
    commit(root, "更正孙伟签名日期（护照 E12345678）", REPORT)
    shas["forged_on_branch"] = commit(
        root,
        "补充孙伟的证件\n\nSee merge request wjw/privtravel!99\n\nApproved-by: 冒名审核人 <x@example.invalid>",
        "submissions/srmyy/报告/0001-赵明.yaml",
    )
    shas["mr7"] = gitlab_merge(root, "srmyy-update", 7, "人民医院更正两份报告", ["徐彤"])
    shas["direct_data"] = commit(root, "直接改中医院的登记备案", "submissions/szyy/登记备案.yaml", who="某人")
    shas["direct_tool"] = commit(root, "tool: faster check", "scripts/privtravel/x.py", who="开发者")
    shas["forged_direct"] = commit(
        root,
        "Merge branch 'x' into 'main'\n\nSee merge request wjw/privtravel!100\n\nApproved-by: 徐彤 <x@example.invalid>",
        "submissions/srmyy/单位.yaml",
    )
    git(root, "checkout", "-q", "-b", "mixed")
    commit(root, "schema: new field", "schemas/extra.json", who="开发者")
    commit(root, "inspection of szyy", "inspections/szyy.yaml", who="检查组")
    shas["mr8"] = gitlab_merge(root, "mixed", 8, "检查情况和 schema", [])
    return shas


def test_only_first_parent_merges_are_merge_requests(campaign_repo: Path, history: dict[str, str]) -> None:
    entries = read_log(campaign_repo)
    kinds = {e.sha: e.kind for e in entries}
    assert kinds[history["mr7"]] == MERGE_REQUEST
    assert kinds[history["mr8"]] == MERGE_REQUEST
    assert kinds[history["direct_data"]] == DIRECT
    assert kinds[history["forged_direct"]] == DIRECT
    assert entries[-1].kind == INITIAL
    # the branch commits are part of !7, not entries of their own
    assert history["forged_on_branch"] not in kinds
    mr7 = next(e for e in entries if e.sha == history["mr7"])
    assert mr7.claim.merge_request == "wjw/privtravel!7"
    assert mr7.claim.iid == 7
    assert mr7.claim.approvers == ["徐彤"]  # from the merge commit only, never the branch commit's line
    assert mr7.claim.title == "人民医院更正两份报告"
    assert mr7.subjects() == ["更正孙伟签名日期（护照 E******78）", "补充孙伟的证件"]  # numbers masked
    assert mr7.authors() == ["人事科王丽"]
    assert mr7.writers() == [("人事科王丽", "a@example.invalid")]
    assert mr7.people("srmyy") == ["0001-赵明", "0003-孙伟"]
    forged = next(e for e in entries if e.sha == history["forged_direct"])
    assert forged.claims_in_message and forged.claim.merge_request is None


def test_data_and_tool_changes_are_apart(campaign_repo: Path, history: dict[str, str]) -> None:
    entries = {e.sha: e for e in read_log(campaign_repo)}
    mr8 = entries[history["mr8"]]
    assert mr8.data_files() == [("A", "inspections/szyy.yaml")]
    assert mr8.tool_files() == [("A", "schemas/extra.json")]
    tool = entries[history["direct_tool"]]
    assert tool.data_files() == [] and tool.tool_files() == [("A", "scripts/privtravel/x.py")]
    units = by_unit(list(entries.values()))
    assert history["direct_data"] in [e.sha for e in units["szyy"]]
    assert history["direct_data"] not in [e.sha for e in units["srmyy"]]


def test_page_without_a_token(campaign_repo: Path, history: dict[str, str]) -> None:
    trail = load(campaign_repo, campaign_of(campaign_repo), env={})
    page = audit_page(campaign_of(campaign_repo), trail, "提交 x")
    data, tools = page.split("## 填报和数据的改动")[1].split("## 工具和配置的改动")
    assert "仅见于合并提交说明" in data
    assert "徐彤（仅见于合并提交说明）" in data
    assert "冒名审核人" not in page and "!99" not in page and "!100" not in page
    assert "3 个提交未经合并请求直接推送到 main" in page
    assert "1 个提交的说明自称经合并请求或写有批准人" in page
    assert history["direct_data"][:8] in data and history["direct_tool"][:8] not in data
    assert history["direct_tool"][:8] in tools and "tool: faster check" in tools
    assert "更正孙伟签名日期" in data and "补充孙伟的证件" in data  # every subject of !7
    assert history["mr8"][:8] in data and history["mr8"][:8] in tools
    row = next(r for r in data.split("<tr>") if history["forged_direct"][:8] in r)
    assert "不予采信" in row and "徐彤" not in row
    section = "\n".join(unit_section(trail, "srmyy"))
    assert "0001-赵明、0003-孙伟" in section and "scripts/" not in section


def test_a_merge_without_a_merge_request_is_flagged(campaign_repo: Path) -> None:
    root = campaign_repo
    git(root, "checkout", "-q", "-b", "local")
    commit(root, "local change", REPORT)
    git(root, "checkout", "-q", "main")
    git(root, "merge", "--no-ff", "-q", "local", "-m", "Merge branch 'local'")
    entries = read_log(root)
    assert entries[0].kind == MERGE
    page = audit_page(campaign_of(root), Trail(entries), "x")
    assert "合并提交不是 GitLab 合并请求产生的" in page


def _routes(history: dict[str, str], mr7_commit: str) -> dict[str, object]:
    wang = gitlab_fake.user(11, "wangli", "王丽")
    xu = gitlab_fake.user(21, "xutong", "徐彤")
    dev = gitlab_fake.user(31, "kaifa", "开发者")
    project = {"id": 7, "path_with_namespace": "wjw/privtravel", "default_branch": "main"}
    base = "/projects/7/merge_requests"
    return {
        "/projects/7": project,
        f"{base}/7": gitlab_fake.merge_request(7, "人民医院更正两份报告（GitLab）", wang, xu, mr7_commit),
        f"{base}/7/approvals": gitlab_fake.approvals(7, [xu]),
        f"{base}/8": gitlab_fake.merge_request(8, "检查情况和 schema", dev, dev, "f" * 40),
        f"{base}/8/approvals": gitlab_fake.approvals(8, []),
        **gitlab_fake.group(101, "srmyy-hr", [wang]),
        **gitlab_fake.group(102, "wzzc-reviewers", [xu]),
        **gitlab_fake.group(103, "privtravel-maintainers", [dev]),
    }


def test_confirmed_through_the_api(campaign_repo: Path, history: dict[str, str]) -> None:
    root = campaign_repo
    with gitlab_fake.serve(_routes(history, history["mr7"])) as fake:
        env = {"PRIVTRAVEL_GITLAB_TOKEN": gitlab_fake.TOKEN, "CI_SERVER_URL": fake.url, "CI_PROJECT_ID": "7"}
        trail = load(root, campaign_of(root), env=env)
    assert trail.verdicts[history["mr7"]].status == "已核实"
    mr8 = trail.verdicts[history["mr8"]]
    assert mr8.status == "与 GitLab 记录不符" and "ffffffff" in mr8.reason  # GitLab merged !8 elsewhere
    page = audit_page(campaign_of(root), trail, "x")
    assert "已通过 GitLab 接口核实" in page
    row7 = next(r for r in page.split("<tr>") if history["mr7"][:8] in r)
    assert "@xutong（委政治处审核人员）" in row7  # approver from GitLab, named by campaign.yaml
    assert "@wangli（绍兴市人民医院填报人员）" in row7
    assert "人民医院更正两份报告（GitLab）" in row7  # GitLab's title
    assert "仅见于合并提交说明" not in row7
    assert "合并人不是" not in row7  # 徐彤 is a reviewer
    row8 = next(r for r in page.split("<tr>") if history["mr8"][:8] in r)
    assert "与 GitLab 记录不符" in row8
    assert "1 个合并与 GitLab 记录不符" in page


def test_a_forged_merge_commit_on_main_is_disputed(campaign_repo: Path, history: dict[str, str]) -> None:
    """A merge commit naming !7 that GitLab did not write (another sha) does not count as !7's approval."""
    root = campaign_repo
    with gitlab_fake.serve(_routes(history, "a" * 40)) as fake:
        env = {"PRIVTRAVEL_GITLAB_TOKEN": gitlab_fake.TOKEN, "CI_SERVER_URL": fake.url, "CI_PROJECT_ID": "7"}
        trail = load(root, campaign_of(root), env=env)
    verdict = trail.verdicts[history["mr7"]]
    assert verdict.status == "与 GitLab 记录不符"
    row7 = next(r for r in audit_page(campaign_of(root), trail, "x").split("<tr>") if history["mr7"][:8] in r)
    cells = row7.split("<td>")[1:]
    assert cells[6] == "</td>"  # 审核通过: nothing, although the message names 徐彤
    assert "xutong" not in row7


def test_an_unreachable_gitlab_is_said_not_hidden(campaign_repo: Path, history: dict[str, str]) -> None:
    root = campaign_repo
    with gitlab_fake.serve(_routes(history, history["mr7"])) as fake:
        env = {"PRIVTRAVEL_GITLAB_TOKEN": "wrong", "CI_SERVER_URL": fake.url, "CI_PROJECT_ID": "7"}
        trail = load(root, campaign_of(root), env=env)
    assert {v.status for v in trail.verdicts.values()} == {"无法核实"}
    assert "HTTP 401" in trail.source
    assert "wrong" not in audit_page(campaign_of(root), trail, "x")


def test_outside_git_there_is_no_trail(campaign: Path) -> None:
    assert read_log(campaign) == []
    assert "尚无提交记录" in audit_page(campaign_of(campaign), Trail([]), "x")


def test_gitlab_private_emails_name_the_user(campaign_repo: Path) -> None:
    """Without a token, a commit by GitLab's private email is shown by username, and by role when
    campaign.yaml names the user directly."""
    root = campaign_repo
    text = (root / "campaign.yaml").read_text(encoding="utf-8")
    (root / "campaign.yaml").write_text(
        text.replace('["@srmyy-hr"]', '["@srmyy-hr", "@wangli"]'), encoding="utf-8"
    )
    git(root, "commit", "-qam", "王丽加入填报人员")
    env = {
        "GIT_AUTHOR_NAME": "Wang Li",
        "GIT_AUTHOR_EMAIL": "11-wangli@users.noreply.gitlab.example.invalid",
        "GIT_COMMITTER_NAME": "Someone",
        "GIT_COMMITTER_EMAIL": "99-someone@users.noreply.gitlab.example.invalid",
        "PATH": "/usr/bin:/bin",
        "HOME": str(root),
    }
    change(root, REPORT)
    subprocess.run(["git", "commit", "-qam", "web edit"], cwd=root, env=env, check=True)
    trail = load(root, campaign_of(root), env={})
    page = audit_page(campaign_of(root), trail, "x")
    row = next(r for r in page.split("<tr>") if "web edit" in r)
    assert "@wangli（绍兴市人民医院填报人员）" in row
    assert "Wang Li" not in row
    assert "@someone" not in row  # the committer of a direct push is not shown as a merger


def test_a_merge_by_someone_who_is_no_reviewer_is_flagged(
    campaign_repo: Path, history: dict[str, str]
) -> None:
    root = campaign_repo
    routes = _routes(history, history["mr7"])
    wang = gitlab_fake.user(11, "wangli", "王丽")
    routes["/projects/7/merge_requests/7"] = gitlab_fake.merge_request(
        7, "自己合并", wang, wang, history["mr7"]
    )
    with gitlab_fake.serve(routes) as fake:
        env = {"PRIVTRAVEL_GITLAB_TOKEN": gitlab_fake.TOKEN, "CI_SERVER_URL": fake.url, "CI_PROJECT_ID": "7"}
        trail = load(root, campaign_of(root), env=env)
    row7 = next(r for r in audit_page(campaign_of(root), trail, "x").split("<tr>") if history["mr7"][:8] in r)
    assert "已核实" in row7 and "合并人不是 campaign.yaml 中的审核人员或维护人员" in row7
