"""webforms: the web forms (网页填报, Decap CMS) for each unit's HR, written into a folder.

`privtravel site` writes them into public/forms/ as well, whenever the editor is installed."""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = "生成网页填报（Decap CMS，由 schemas/ 生成，每个单位一个页面；保存即成为合并请求）"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", default="public/forms", help="输出目录（默认 public/forms/）")
    parser.add_argument(
        "--gitlab-url", help="内网 GitLab 的地址（默认 CI_SERVER_URL 或 PRIVTRAVEL_FORMS_GITLAB_URL）"
    )
    parser.add_argument("--project", help="委政治处项目的路径，如 群组/项目（默认 CI_PROJECT_PATH）")
    parser.add_argument("--app-id", help="GitLab OAuth 应用的 ID（默认 PRIVTRAVEL_FORMS_APP_ID）")
    parser.add_argument(
        "--write-example",
        action="store_true",
        help="只重写 site/forms/config.example.yml（一个单位的配置示例）",
    )
    parser.add_argument(
        "--local-backend",
        metavar="地址",
        help="本机试用：decap-server 的地址，如 http://localhost:8081/api/v1（只在 localhost 打开页面时使用）",
    )


def run(args: argparse.Namespace) -> int:
    from privtravel.excel.unit_workbook import load_campaign
    from privtravel.webforms import build as forms

    if args.write_example:
        forms.EXAMPLE.write_text(
            forms.config_text(forms.EXAMPLE_UNIT, forms.EXAMPLE_BACKEND), encoding="utf-8"
        )
        print(f"已重写 {forms.EXAMPLE}")
        return 0
    root = Path(args.root)
    env = forms.settings_from_env(args.local_backend)
    settings = type(env)(
        gitlab_url=args.gitlab_url or env.gitlab_url,
        project=args.project or env.project,
        app_id=args.app_id or env.app_id,
        local_backend=env.local_backend,
    )
    out = Path(args.out)
    count = forms.build(root, load_campaign(root), out if out.is_absolute() else root / out, settings)
    print(f"网页填报已生成：{out}/index.html（{count} 个单位）")
    if not settings.login_ready:
        print("提示：未设置 GitLab 地址、项目或 OAuth 应用 ID，网页上还不能登录（见 README「网页填报」）。")
    return 0
