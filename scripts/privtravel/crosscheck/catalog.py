"""Every finding code of the cross-check: title, indicator, the notice's rule, an example and the fix.

The single source for finding codes, for the text the units read and for the guide on the dashboard.
Codes are stable: never renumber one; retire a code by leaving it here unused.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Indicator(StrEnum):
    RULES = "应建尽建"
    REGISTRATION = "应备尽备"
    CUSTODY = "应交尽交"
    APPROVAL = "应审尽审"
    INVESTIGATION = "应查尽查"
    HANDLING = "应处尽处"


INDICATORS = tuple(Indicator)


@dataclass(frozen=True, slots=True)
class FindingCode:
    code: str
    title: str
    indicator: Indicator
    rule: str  # the notice's own words the finding rests on
    example: str
    fix: str
    case_kind: str | None  # the 附件2 问题类型 a confirmed finding is, if any


_N1 = "通知一、"

FINDINGS: dict[str, FindingCode] = {
    f.code: f
    for f in (
        FindingCode(
            "X101",
            "制度未建",
            Indicator.RULES,
            _N1 + "1：各单位要建立健全干部因私出国（境）管理制度，尚未建立制度的，要尽快建立。",
            "单位.yaml 中「管理制度: []」",
            "尽快建立因私出国（境）管理制度，在「单位.yaml」的「管理制度」中写明制度名称和出台时间。",
            None,
        ),
        FindingCode(
            "X201",
            "应备未备",
            Indicator.REGISTRATION,
            _N1 + "2：全面完成本单位人员的登记备案工作。",
            "公安机关掌握张三的持证信息或出入境记录，但没有任何单位的登记备案名单中有此公民身份号码",
            "查明此人所在单位；应登记备案的，列入该单位「登记备案.yaml」并报送公安机关。",
            None,
        ),
        FindingCode(
            "X202",
            "登记备案变动未按时报送",
            Indicator.REGISTRATION,
            _N1 + "2：备案单位按干部管理权限于每月25日前将上述情况报送公安机关出入境管理部门。",
            "5月6日新增的登记备案人员，到5月25日仍未报送公安机关",
            "立即报送公安机关出入境管理部门，在「变动记录」中填写报送公安日期；逾期报送的说明原因。",
            None,
        ),
        FindingCode(
            "X203",
            "公安未在1个工作日内入库",
            Indicator.REGISTRATION,
            _N1 + "2：公安机关出入境管理部门接到登记备案人员信息后，在1个工作日内完成信息入库。",
            "星期五报送的信息，下星期二才入库（按法定节假日和调休计算工作日）",
            "与公安机关出入境管理部门核实入库情况，在「变动记录」中填写公安入库日期。",
            None,
        ),
        FindingCode(
            "X301",
            "应交未交",
            Indicator.CUSTODY,
            _N1
            + "3：对持有因私出入境证件的登记备案人员，督促其将所持证件按干部管理权限，交由相应的组织人事职能科室保管。",
            "公安机关记录的有效护照不在本单位证件保管登记册中",
            "督促本人交存证件，在「证件保管.yaml」中登记；拒不上交的按违规持有因私证照查处。",
            "违规持有因私证照",
        ),
        FindingCode(
            "X302",
            "证件逾期未交回",
            Indicator.CUSTODY,
            _N1
            + "3：健全规范出入境证件领用手续（回国（境）后按规定天数交回，天数见 campaign.yaml 证件交回天数）。",
            "2月17日入境，领用的护照到3月10日仍未交回",
            "督促本人立即交回证件并登记交回日期；逾期不交的按违规持有因私证照查处。",
            "违规持有因私证照",
        ),
        FindingCode(
            "X303",
            "同时持有因公因私证件",
            Indicator.CUSTODY,
            _N1 + "3：国家工作人员在国（境）外期间不得同时持有因公和因私两种出入境证件。",
            "持因私护照出境、持因公护照（P、S、D 开头）入境",
            "核实此次出入境所用证件；属实的按违规持有因私证照查处。",
            "违规持有因私证照",
        ),
        FindingCode(
            "X401",
            "未经批准擅自出国(境)",
            Indicator.APPROVAL,
            _N1 + "4、5：加强对国家工作人员因私出国（境）的审核审查；查处未经审批出国（境）问题。",
            "公安出入境记录有一次出境，没有任何同意的审批覆盖这段时间",
            "有审批的，补充「审批.yaml」或在报告表中写明审批编号；确未审批的在「违规问题.yaml」中登记查处。",
            "未经批准擅自出国(境)",
        ),
        FindingCode(
            "X402",
            "未按审批要求出国境",
            Indicator.APPROVAL,
            _N1 + "4：对出国（境）事由、次数、在外停留期限、审批程序等作出明确规定。",
            "提前出境、推迟入境、去了未经批准的国家（地区），或超过在外停留天数上限（均超过 campaign.yaml 中的容许天数）",
            "核实原因；确有正当理由（如航班取消）的写明理由，违规的在「违规问题.yaml」中登记查处。",
            "未按审批要求出国境",
        ),
        FindingCode(
            "X403",
            "审批把关不严",
            Indicator.APPROVAL,
            _N1
            + "4：必须按照干部管理权限，事先征求同级纪检监察部门意见；对涉及管理人、财、物等重要岗位和配偶、子女移居国（境）外的人员要从严把关。",
            "没有纪检监察意见；意见或审批晚于出境；从严审查对象未写明从严审查措施；超过次数或天数上限仍予批准",
            "完善审批程序；对把关不严的责任人按出国境审批事项把关不严查处。",
            "出国境审批事项把关不严",
        ),
        FindingCode(
            "X501",
            "瞒报持有因私证照",
            Indicator.INVESTIGATION,
            "通知一：报告本人持有因私普通护照、往来港澳通行证、大陆居民往来台湾通行证；"
            "附件1填表说明2：报告范围为填报时的有效证件及2018年1月1日以后失效的证件。",
            "公安机关记录的护照（2019年仍有效）不在本人报告表中，或本人报了「零报告」",
            "核实后补报；属于换发、注销等情况的写明理由；瞒报的在「违规问题.yaml」中登记查处。",
            "瞒报持有因私证照",
        ),
        FindingCode(
            "X502",
            "瞒报出国境情况",
            Indicator.INVESTIGATION,
            "通知一：报告2016年1月1日以来因私出国（境）情况；附件1填表说明3。",
            "公安出入境记录中2019年3月的一次出境，报告表中没有",
            "核实后补报；瞒报的在「违规问题.yaml」中登记查处。",
            "瞒报出国境情况",
        ),
        FindingCode(
            "X503",
            "应报未报",
            Indicator.INVESTIGATION,
            "通知一：各单位组织本单位在职国家工作人员填报《报告表》……未持有因私出入境证件和无因私出国（境）情况的，也要进行“零报告”。",
            "报告截止日期已过，登记备案人员还没有报告表、零报告或免报记录",
            "督促本人填报报告表（无情况的零报告）；属于市管领导干部的填写免报。",
            None,
        ),
        FindingCode(
            "X504",
            "出入境记录不完整",
            Indicator.INVESTIGATION,
            "通知一：根据公安机关出入境管理部门掌握的备案人员持证信息和因私出国（境）记录情况开展自查自纠。",
            "有入境记录却没有之前的出境记录（不作推测，交由单位核实）",
            "向本人和公安机关出入境管理部门核实此次出入境情况，写明核实结果。",
            None,
        ),
        FindingCode(
            "X505",
            "报告的出国（境）日期与公安记录不符",
            Indicator.INVESTIGATION,
            "附件1：本人因私出国(境)情况「起止时间」；本人郑重承诺，对上述填报内容的真实性和完整性负责。",
            "公安记录 2019年3月5日出境、3月10日入境，报告表写 3月6日至3月9日",
            "按公安出入境记录的日期更正报告表（本人签名确认）；有意改动日期的在「违规问题.yaml」中登记查处。",
            "瞒报出国境情况",
        ),
        FindingCode(
            "X601",
            "违规问题未处理",
            Indicator.HANDLING,
            _N1 + "5：6月底前……根据情节轻重和有关规定，分别给予批评教育、组织处理和纪律处分。",
            "自查自纠截止日期前发现的问题，截止日期过后仍是「处理: []」",
            "根据情节轻重作出处理，在「违规问题.yaml」的「处理」中登记。",
            None,
        ),
    )
}


def get(code: str) -> FindingCode:
    return FINDINGS[code]
