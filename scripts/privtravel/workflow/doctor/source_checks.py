"""The pipeline definition must come from a place a merge request cannot change (``ci_config_path``)."""

from __future__ import annotations

from privtravel.workflow.doctor.fetch import Answer, PipelineSource, Snapshot
from privtravel.workflow.doctor.findings import GOOD, NOTE, PROBLEM, Finding, Roles, protection, unreadable

SOURCE = "流水线配置文件"
SETTING = "设置 › CI/CD › 通用流水线 › CI/CD 配置文件"


def _fix(s: Snapshot) -> str:
    return (
        f"{SETTING}：写 `.gitlab-ci.yml@{s.path or '<群组>/<项目>'}:{s.default_branch}`（从受保护的 "
        f"{s.default_branch} 读取），或另一个只有维护人员能改的项目中的文件（见 README「维护人员」）。"
    )


def pipeline_source(s: Snapshot, roles: Roles) -> list[Finding]:
    source = s.source
    if source is None or source.project is None:
        where = f"本项目的 {source.file}" if source is not None else "本项目的 .gitlab-ci.yml"
        return [
            Finding(
                PROBLEM,
                SOURCE,
                f"流水线定义取自{where}：合并请求运行的是它自己分支上的文件，单位可以在合并请求里删掉或改掉检查作业。",
                _fix(s),
            )
        ]
    if not source.about.ok:
        return [unreadable(SOURCE, f"流水线配置文件所在的项目 {source.project}", source.about)]
    same = str(source.about.get("id")) == str(s.project.get("id"))
    ref = source.ref or str(source.about.get("default_branch") or "main")
    place = f"{source.project} 的 {ref} 分支上的 {source.file}"
    out = []
    if not source.file_found.ok:
        out.append(
            Finding(
                PROBLEM,
                SOURCE,
                f"在 {place} 找不到流水线配置文件（HTTP {source.file_found.status}）：流水线无法运行。",
                _fix(s),
            )
        )
    protected = s.protected if same else source.protected
    out += _ref_protected(protected, ref, place, source)
    out += _tag_protected(s.tags if same else source.tags, ref, source)
    if not same:
        out += _who_can_change(source, roles)
    if not [f for f in out if f.level == PROBLEM]:
        out.insert(0, Finding(GOOD, SOURCE, f"流水线定义取自 {place}，合并请求改不到它（{source.raw}）。"))
    return out


def _ref_protected(protected: Answer, ref: str, place: str, source: PipelineSource) -> list[Finding]:
    if not protected.ok:
        return [unreadable(SOURCE, f"{source.project} 的受保护分支", protected)]
    rule = protection(protected, ref)
    if rule is None:
        return [
            Finding(
                PROBLEM,
                SOURCE,
                f"{place}：{ref} 不是受保护分支，能推送到 {ref} 的人都能改流水线。",
                f"在 {source.project} 保护 {ref}：推送选「无人」，合并选维护者。",
            )
        ]
    open_to = [
        x
        for x in [*(rule.get("push_access_levels") or []), *(rule.get("merge_access_levels") or [])]
        if x.get("access_level") == 30 and not x.get("user_id") and not x.get("group_id")
    ]
    if open_to:
        return [
            Finding(
                PROBLEM,
                SOURCE,
                f"{place}：开发者可以推送或合并到 {ref}，也就能改流水线。",
                f"在 {source.project} 的受保护分支 {ref}：推送和合并只允许维护者（推送最好选「无人」）。",
            )
        ]
    return []


def _who_can_change(source: PipelineSource, roles: Roles) -> list[Finding]:
    if not source.members.ok:
        return [unreadable(SOURCE, f"{source.project} 的成员", source.members)]
    out = []
    for member in source.members.items():
        name = str(member.get("username", ""))
        level = member.get("access_level")
        units = roles.units(name)
        if isinstance(level, int) and level >= 30 and units:
            out.append(
                Finding(
                    PROBLEM,
                    SOURCE,
                    f"@{name}（{'、'.join(units)}填报人员）在流水线定义所在的项目 {source.project} 中有开发者以上角色，"
                    "能改审核自己的流水线。",
                    f"在 {source.project} 中把 @{name} 改为「报告者（Reporter）」（运行流水线只需读取）。",
                )
            )
    if not out:
        out.append(
            Finding(
                NOTE,
                SOURCE,
                f"各单位的填报人员需要能读取 {source.project}（报告者角色，或项目为内部可见），否则流水线无法读取配置文件。",
            )
        )
    return out


def _tag_protected(tags: Answer, ref: str, source: PipelineSource) -> list[Finding]:
    """A tag named like the ref wins over the branch: only maintainers may create such a tag."""
    if not tags.ok:
        return [unreadable(SOURCE, f"{source.project} 的受保护标签", tags)]
    rule = protection(tags, ref)
    fix = f"在 {source.project}：设置 › 仓库 › 受保护标签，保护 `*`，「允许创建」只选维护者。"
    if rule is None:
        return [
            Finding(
                PROBLEM,
                SOURCE,
                f"{source.project} 中名为 {ref} 的标签不受保护：开发者可以新建一个叫 {ref} 的标签，"
                f"让「{source.raw}」读到自己提交里的流水线文件。",
                fix,
            )
        ]
    creators = rule.get("create_access_levels") or []
    if any(c.get("access_level") == 30 and not c.get("user_id") and not c.get("group_id") for c in creators):
        return [
            Finding(
                PROBLEM,
                SOURCE,
                f"{source.project} 的受保护标签「{rule.get('name')}」允许开发者创建：可以新建一个叫 {ref} 的标签。",
                fix,
            )
        ]
    return []
