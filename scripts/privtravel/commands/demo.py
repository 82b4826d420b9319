"""demo: write a generated, fictional campaign (示例数据) for trying things out and for benchmarks."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from privtravel.demo import DEMO, Generated, Options, generate
from privtravel.demo.write import dump_json
from privtravel.diagnostics import FatalError
from privtravel.load.layout import CAMPAIGN_FILE, INSPECTIONS, POLICE_DIR, SUBMISSIONS
from privtravel.report import progress

HELP = "生成示例数据：虚构的单位、人员、报告表、审批、证件保管、违规问题、公安数据、集中检查和整改（同一参数结果完全相同）"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        required=True,
        help="写入的目录（其中的 campaign.yaml、submissions/、police/、inspections/ 会被替换）",
    )
    parser.add_argument("--seed", type=int, default=DEMO.seed, help=f"随机种子（默认 {DEMO.seed}）")
    parser.add_argument("--units", type=_positive, default=DEMO.units, help=f"单位数（默认 {DEMO.units}）")
    parser.add_argument("--people", type=_positive, default=DEMO.people, help=f"人数（默认 {DEMO.people}）")
    parser.add_argument(
        "--crossings",
        type=_count,
        default=DEMO.crossings,
        help=f"公安出入境记录的大约条数（默认 {DEMO.crossings}）",
    )
    parser.add_argument(
        "--rate",
        type=_share,
        default=DEMO.rate,
        help=f"每种有意安排的个人情形占总人数的比例（默认 {DEMO.rate}，每种至少 1 人）",
    )
    parser.add_argument(
        "--unit-rate",
        type=_share,
        default=DEMO.unit_rate,
        help=f"每种单位情形占单位数的比例（默认 {DEMO.unit_rate}）",
    )
    parser.add_argument("--manifest", help="把有意安排的情形清单写到这个 JSON 文件")
    parser.add_argument(
        "--force",
        action="store_true",
        help="目录里已有填报文件时也替换（各单位的核查说明.yaml 保留）",
    )


def _positive(text: str) -> int:
    value = _count(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"应为正整数：{text}")
    return value


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为整数：{text}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"不能为负数：{text}")
    return value


def _share(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为 0 到 1 之间的小数：{text}") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"应为 0 到 1 之间的小数：{text}")
    return value


def options_from(args: argparse.Namespace) -> Options:
    return Options(
        seed=args.seed,
        units=args.units,
        people=args.people,
        crossings=args.crossings,
        rate=args.rate,
        unit_rate=args.unit_rate,
    )


def run(args: argparse.Namespace) -> int:
    options = options_from(args)
    if options.people < options.units * 8:
        raise FatalError(
            f"人数太少：每个单位至少 8 人（{options.units} 个单位至少要 {options.units * 8} 人）。"
        )
    out = Path(args.out)
    occupied = [name for name in REPLACED if (out / name).exists()]
    if occupied and not args.force:
        raise FatalError(f"{out} 里已有 {'、'.join(occupied)}：确认要替换时加 --force。")
    try:
        generated = generate(options)
    except ValueError as exc:
        raise FatalError(f"无法按这些参数生成示例数据：{exc}") from None
    dropped = write_out(out, generated)
    if args.manifest:
        Path(args.manifest).parent.mkdir(parents=True, exist_ok=True)
        Path(args.manifest).write_bytes(dump_json(generated.manifest).encode("utf-8"))
    m = generated.manifest
    print(
        f"已生成示例数据：{m['units']} 个单位，{m['people']} 人，{m['crossings']} 条出入境记录，"
        f"{len(m['situations'])} 个有意安排的情形，共 {len(generated.files)} 个文件，写入 {out}。"
    )
    if dropped:
        print(f"新生成的数据中没有这些单位，以下答复文件未保留：{'、'.join(dropped)}")
    return 0


# What units write in answer to the cross-check's findings; the generator never makes these, so
# replacing the demo keeps them (in the units that are still there).  整改.yaml answers the generated
# inspections/ and is generated with them.
KEPT = ("核查说明.yaml",)
REPLACED = (SUBMISSIONS, POLICE_DIR, INSPECTIONS)


def write_out(out: Path, generated: Generated) -> list[str]:
    """Write the generated files; returns the kept answer files that no generated unit could take."""
    kept = {
        path.relative_to(out).as_posix(): path.read_bytes()
        for name in KEPT
        for path in sorted((out / SUBMISSIONS).glob(f"*/{name}"))
    }
    for name in REPLACED:
        if (out / name).exists():
            shutil.rmtree(out / name)
    show = progress.reporter("已写入文件")
    total = len(generated.files)
    made: set[Path] = set()
    for done, (rel, text) in enumerate(sorted(generated.files.items()), start=1):
        path = out / rel
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(text.encode("utf-8"))
        if show is not None:
            show(done, total)
    assert CAMPAIGN_FILE in generated.files
    dropped = []
    for rel, data in kept.items():
        if (out / rel).parent.is_dir():
            (out / rel).write_bytes(data)
        else:
            dropped.append(rel)
    return dropped
