"""The 填表说明 sheet: the notice's own requirements (dates from campaign.yaml) and how to fill in."""

from __future__ import annotations

import datetime as dt

from privtravel.excel.layout import Layout
from privtravel.model import Campaign


def cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def commitment() -> str:
    return "本人郑重承诺，对上述填报内容的真实性和完整性负责，并自愿接受组织监督和查核。"


def form_notes(campaign: Campaign) -> str:
    """附件1's 填表说明, with the campaign's cut-off dates."""
    return (
        "填表说明：1.此表由本单位在职国家工作人员本人填写；无上述情况者也要“零报告”。"
        f"2.因私出入境证件报告范围为填报时的有效证件及{cn_date(campaign.documents_expired_since)}以后失效的证件；"
        f"3.本人出国（境）情况填报{cn_date(campaign.trips_since)}以来的历次出国（境）情况；"
        "4.有关情况填写不下时可另附页。"
    )


def lines(campaign: Campaign, unit_name: str, layout: Layout) -> list[tuple[str, str]]:
    """(style, text) pairs: style is "title", "heading" or "text"."""
    deadline = f"{campaign.report_deadline.month}月{campaign.report_deadline.day}日"
    out: list[tuple[str, str]] = [
        ("title", f"{unit_name}　因私出国（境）专项整治填报表"),
        ("text", campaign.name),
        ("heading", "一、通知的要求"),
        (
            "text",
            f"{deadline}前，各单位组织本单位在职国家工作人员填报《国家工作人员持有因私出入境证件和因私出国（境）"
            "情况报告表》（附件1），报告本人持有因私普通护照、往来港澳通行证、大陆居民往来台湾通行证及"
            f"{cn_date(campaign.trips_since)}以来因私出国（境）情况，并在承诺栏签名（委管干部报告表由委政治处保存，"
            "其他人员报告表由各单位自行保存）。",
        ),
        (
            "text",
            "未持有因私出入境证件和无因私出国（境）情况的，也要进行“零报告”。"
            "属于市管领导干部个人有关事项报告填报对象的，无需填报。",
        ),
        ("text", form_notes(campaign)),
        (
            "text",
            "对登记备案人员新增，原登记备案人员工作单位、现任职务、人事主管部门变更，原登记备案人员调离、退休、"
            f"死亡需撤销等情况，备案单位按干部管理权限于每月{campaign.monthly_report_day}日前将上述情况报送"
            "公安机关出入境管理部门。",
        ),
        (
            "text",
            "要健全规范出入境证件领用手续，必须以相应的出国（境）审批件为依据，给予领取相关证件。"
            "在受理在职登记备案人员出国（境）审核审批工作中，必须按照干部管理权限，事先征求同级纪检监察部门意见。",
        ),
        ("heading", "二、本表怎样填写"),
        (
            "text",
            "1.每个工作表填写一类内容，每行一项。表头上方一行是这个工作表的说明；鼠标停在表头上可以看到每一列的"
            "填写说明；表头文字为红色的列必须填写。",
        ),
        (
            "text",
            "2.有下拉箭头的列请从列表中选择；「是/否」列选「是」或「否」；多选的列（如「问题类型」「从严审查情形」）"
            "在属于的各项下选「是」，其余留空。",
        ),
        (
            "text",
            "3.日期直接输入，如 2019-06-01；也可以写 2019.6.1、2019/6/1、2019年6月1日 或 20190601。",
        ),
        (
            "text",
            "4.证件号码、公民身份号码、人员编号、联系电话等列已设为「文本」格式，请不要改成数字格式：Excel 会去掉"
            "开头的 0，把长号码变成科学计数法。导入时这样的数字会被指出来，不会被猜测补齐。",
        ),
        ("text", "5.多个国家（地区）、多名专人写在同一格里，用顿号「、」隔开。"),
        (
            "text",
            "6.「登记备案变动」「证件」「出国（境）情况」「证件领用」「问题处理」「责任追究」等工作表的第一列，"
            "填写它所属的人员编号（证件领用填证件号码，问题处理和责任追究填问题编号）；一人有几条的，各占一行，"
            "按时间先后排列。",
        ),
        (
            "text",
            "7.填好后运行「privtravel import 本文件.xlsx」生成本单位的填报文件。有错误时会逐个指出「工作表!单元格」"
            "和原因；全部改正之前，不会写入任何文件。",
        ),
        (
            "text",
            "8.本表含有证件号码、公民身份号码等个人信息，请妥善保管，不要通过互联网传送。",
        ),
        ("heading", "三、各工作表"),
    ]
    for sheet in layout.sheets:
        description = sheet.description or sheet.title
        out.append(("text", f"「{sheet.name}」：{description}"))
    return out
