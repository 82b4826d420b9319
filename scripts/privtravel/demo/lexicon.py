"""Fictional but realistic words the demo is made of: names, places, posts, reasons, ports.

Own lists rather than Faker: the output must not change when a dependency is upgraded, and the
runtime package must not need a development dependency.
"""

from __future__ import annotations

from dataclasses import dataclass

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN_MALE = "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘"
GIVEN_FEMALE = "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝丽阳妮宝贝初程梵罡恒鸿桦骅剑娇纪宽苛灵玛媚琪晴容睿烁堂唯威韦雯苇萱阅彦宇雨洋忠宗曼紫逸贤蝶菡绿蓝儿翠烟"

# 浙江省 area codes (行政区划代码) for the first six digits of 公民身份号码.
AREA_CODES = (
    "330602",
    "330603",
    "330604",
    "330624",
    "330681",
    "330683",  # 绍兴
    "330102",
    "330106",
    "330108",
    "330110",  # 杭州
    "330203",
    "330205",
    "330212",  # 宁波
    "330302",
    "330303",
    "330402",
    "330502",
    "330702",
    "330802",
    "330902",
    "331002",
    "331102",
)


@dataclass(frozen=True, slots=True)
class UnitType:
    name: str  # appended to the place name: 人民医院
    code: str  # pinyin initials for the unit code
    party: str  # the approving body
    discipline: str  # the 纪检监察 body at the same level
    kind: str  # "hospital" | "public" (which posts it has)
    weight: int  # relative size (staff)


HOSPITAL, PUBLIC = "hospital", "public"

UNIT_TYPES = (
    UnitType("人民医院", "rmyy", "院党委", "院纪委", HOSPITAL, 10),
    UnitType("中医院", "zyy", "院党委", "院纪委", HOSPITAL, 6),
    UnitType("妇幼保健院", "fybjy", "院党委", "院纪委", HOSPITAL, 5),
    UnitType("疾病预防控制中心", "jkzx", "中心党委", "中心纪委", PUBLIC, 3),
    UnitType("卫生监督所", "wsjds", "所党支部", "所纪检委员", PUBLIC, 2),
    UnitType("急救中心", "jjzx", "中心党支部", "中心纪检委员", PUBLIC, 2),
    UnitType("第二人民医院", "dermyy", "院党委", "院纪委", HOSPITAL, 7),
    UnitType("中心血站", "zxxz", "站党支部", "站纪检委员", PUBLIC, 1),
    UnitType("口腔医院", "kqyy", "院党委", "院纪委", HOSPITAL, 2),
    UnitType("精神卫生中心", "jswszx", "中心党委", "中心纪委", HOSPITAL, 3),
    UnitType("卫生健康信息中心", "xxzx", "中心党支部", "中心纪检委员", PUBLIC, 1),
    UnitType("肿瘤医院", "zlyy", "院党委", "院纪委", HOSPITAL, 4),
    UnitType("康复医院", "kfyy", "院党委", "院纪委", HOSPITAL, 2),
    UnitType("传染病医院", "crbyy", "院党委", "院纪委", HOSPITAL, 2),
    UnitType("健康教育所", "jkjys", "所党支部", "所纪检委员", PUBLIC, 1),
)

# campaign.yaml 单位「类别」 (model.UNIT_CATEGORIES) by the end of a unit's name, first match wins.
CATEGORY_BY_ENDING = (
    ("委员会机关", "委机关"),
    ("妇幼保健院", "妇幼保健机构"),
    ("医院", "医院"),
    ("精神卫生中心", "医院"),
    ("疾病预防控制中心", "疾病预防控制机构"),
    ("卫生监督所", "卫生监督机构"),
    ("急救中心", "急救和采供血机构"),
    ("血站", "急救和采供血机构"),
    ("健康教育所", "其他专业公共卫生机构"),
    ("卫生院", "基层医疗卫生机构"),
    ("社区卫生服务中心", "基层医疗卫生机构"),
)


def category(name: str) -> str:
    """The 类别 the demo gives a unit it named."""
    return next((c for ending, c in CATEGORY_BY_ENDING if name.endswith(ending)), "其他卫生健康单位")


# The committed demo: 绍兴市直 units in three groups (地区), as in the notice's 市直各医疗卫生健康单位.
CITY = "绍兴市"
DEMO_REGIONS = (
    (
        "市直医院",
        (
            "人民医院",
            "中医院",
            "妇幼保健院",
            "第二人民医院",
            "口腔医院",
            "精神卫生中心",
            "肿瘤医院",
            "康复医院",
            "传染病医院",
        ),
    ),
    ("市直公共卫生单位", ("疾病预防控制中心", "卫生监督所", "急救中心", "中心血站", "健康教育所")),
    ("委属其他单位", ("卫生健康信息中心",)),
)
DEMO_EXTRA_UNITS = (
    # (name, code, region, party, discipline, kind, weight)
    ("绍兴市卫生健康委员会机关", "swjjg", "委属其他单位", "机关党委", "驻委纪检监察组", PUBLIC, 3),
    ("绍兴市卫生人才服务中心", "rcfwzx", "委属其他单位", "中心党支部", "中心纪检委员", PUBLIC, 1),
    ("绍兴市医学会", "yxh", "委属其他单位", "学会党支部", "学会纪检委员", PUBLIC, 1),
    ("绍兴市卫生健康事务服务中心", "swfwzx", "委属其他单位", "中心党支部", "中心纪检委员", PUBLIC, 1),
    ("绍兴市第六人民医院", "dlrmyy", "市直医院", "院党委", "院纪委", HOSPITAL, 3),
)

# Province scale: regions are cities, units are county-level institutions.
PROVINCE = (
    (
        "杭州市",
        "hz",
        (
            "上城区",
            "拱墅区",
            "西湖区",
            "滨江区",
            "萧山区",
            "余杭区",
            "临平区",
            "富阳区",
            "临安区",
            "桐庐县",
            "淳安县",
            "建德市",
        ),
    ),
    (
        "宁波市",
        "nb",
        ("海曙区", "江北区", "北仑区", "镇海区", "鄞州区", "奉化区", "余姚市", "慈溪市", "宁海县", "象山县"),
    ),
    (
        "温州市",
        "wz",
        (
            "鹿城区",
            "龙湾区",
            "瓯海区",
            "洞头区",
            "瑞安市",
            "乐清市",
            "永嘉县",
            "平阳县",
            "苍南县",
            "文成县",
            "泰顺县",
        ),
    ),
    ("嘉兴市", "jx", ("南湖区", "秀洲区", "嘉善县", "海盐县", "海宁市", "平湖市", "桐乡市")),
    ("湖州市", "huz", ("吴兴区", "南浔区", "德清县", "长兴县", "安吉县")),
    ("绍兴市", "sx", ("越城区", "柯桥区", "上虞区", "新昌县", "诸暨市", "嵊州市")),
    (
        "金华市",
        "jh",
        ("婺城区", "金东区", "武义县", "浦江县", "磐安县", "兰溪市", "义乌市", "东阳市", "永康市"),
    ),
    ("衢州市", "qz", ("柯城区", "衢江区", "常山县", "开化县", "龙游县", "江山市")),
    ("舟山市", "zs", ("定海区", "普陀区", "岱山县", "嵊泗县")),
    (
        "台州市",
        "tz",
        ("椒江区", "黄岩区", "路桥区", "三门县", "天台县", "仙居县", "温岭市", "临海市", "玉环市"),
    ),
    (
        "丽水市",
        "ls",
        ("莲都区", "青田县", "缙云县", "遂昌县", "松阳县", "云和县", "庆元县", "景宁畲族自治县", "龙泉市"),
    ),
)

LEADER_POSTS = {
    HOSPITAL: ("院长", "党委书记", "副院长", "党委副书记", "副院长", "纪委书记", "副院长"),
    PUBLIC: ("主任", "党委书记", "副主任", "副主任", "纪检监察员"),
}
# (post, strict-review ground or "") — the posts the notice singles out: 人、财、物, 机要档案, 其他重要岗位.
KEY_POSTS = (
    ("财务科科长", "涉及管理人、财、物岗位"),
    ("采购中心主任", "涉及管理人、财、物岗位"),
    ("基建科科长", "涉及管理人、财、物岗位"),
    ("审计科科长", "涉及管理人、财、物岗位"),
    ("组织人事科科长", "机要档案岗位"),
    ("档案室主任", "机要档案岗位"),
    ("信息科科长", "其他重要岗位"),
)
HOSPITAL_DEPTS = (
    "心血管内科",
    "呼吸内科",
    "消化内科",
    "神经内科",
    "内分泌科",
    "肾内科",
    "血液科",
    "普外科",
    "骨科",
    "泌尿外科",
    "神经外科",
    "心胸外科",
    "妇产科",
    "儿科",
    "急诊科",
    "重症医学科",
    "麻醉科",
    "放射科",
    "检验科",
    "超声科",
    "眼科",
    "耳鼻咽喉科",
    "口腔科",
    "皮肤科",
    "中医科",
    "康复医学科",
    "感染科",
    "肿瘤科",
    "病理科",
    "药剂科",
    "医务科",
    "护理部",
    "党政办公室",
    "质控科",
    "科教科",
    "后勤保障科",
)
HOSPITAL_ROLES = ("主任", "副主任", "护士长", "主任医师", "副主任医师")
PUBLIC_DEPTS = (
    "办公室",
    "传染病防制科",
    "慢性病防制科",
    "免疫规划科",
    "卫生监测科",
    "检验科",
    "健康教育科",
    "应急办",
    "业务科",
    "质量管理科",
    "信息科",
    "综合科",
    "监督一科",
    "监督二科",
    "调度科",
)
PUBLIC_ROLES = ("科长", "副科长", "主任科员", "副主任科员")

TRAVEL_REASONS = ("旅游", "旅游", "旅游", "探亲", "访友", "就医", "留学陪读")
# destination → document type used and the ports
ABROAD = (
    "日本",
    "泰国",
    "韩国",
    "新加坡",
    "马来西亚",
    "美国",
    "澳大利亚",
    "新西兰",
    "法国",
    "意大利",
    "德国",
    "英国",
    "加拿大",
    "越南",
)
HK_MACAO = ("香港", "澳门")
TAIWAN = ("台湾地区",)
AIR_PORTS = ("上海浦东国际机场", "杭州萧山国际机场", "宁波栎社国际机场", "上海虹桥国际机场")
HK_PORTS = ("深圳罗湖口岸", "深圳湾口岸", "珠海拱北口岸", "杭州萧山国际机场")
TW_PORTS = ("杭州萧山国际机场", "厦门高崎国际机场", "上海浦东国际机场")
