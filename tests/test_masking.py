"""The one finder of numbers in free text (privtravel.masking.find) and how it masks them."""

from __future__ import annotations

import pytest

from privtravel import masking
from privtravel.masking import DOCUMENT, ID_NUMBER, PHONE, find, mask_text


@pytest.mark.parametrize(
    ("text", "kind", "number", "masked"),
    [
        ("护照E12345678已交", DOCUMENT, "E12345678", "E******78"),
        ("新版护照 EA1234567", DOCUMENT, "EA1234567", "E******67"),
        ("旧护照G12345678", DOCUMENT, "G12345678", "G******78"),
        ("港澳通行证CA1234567。", DOCUMENT, "CA1234567", "C******67"),
        ("港澳通行证C12345678", DOCUMENT, "C12345678", "C******78"),
        ("本式港澳通行证W12345678", DOCUMENT, "W12345678", "W******78"),
        ("台湾通行证L12345678", DOCUMENT, "L12345678", "L******78"),
        ("旧台湾通行证T12345678", DOCUMENT, "T12345678", "T******78"),
        ("小写e12345678", DOCUMENT, "E12345678", "e******78"),
        ("全角Ｅ１２３４５６７８", DOCUMENT, "E12345678", "Ｅ******７８"),
        ("身份证33060219700312031X", ID_NUMBER, "33060219700312031X", "33*************31X"),
        ("身份证33060219700312031x", ID_NUMBER, "33060219700312031X", "33*************31x"),
        ("号码 330602 19700312 031X", ID_NUMBER, "33060219700312031X", "33**** ******** *31X"),
        ("旧号码330602700312031", ID_NUMBER, "330602700312031", "33**********031"),
        ("手机13812345678", PHONE, "13812345678", "138****5678"),
        ("手机138-1234-5678", PHONE, "13812345678", "138-****-5678"),
        ("手机 138 1234 5678", PHONE, "13812345678", "138 **** 5678"),
        ("+8613812345678", PHONE, "13812345678", "+86138****5678"),
        ("电话0575-85080558", PHONE, "057585080558", "0575-****0558"),
        ("电话（0575）85080558", PHONE, "057585080558", "（0575）****0558"),
        ("电话010-62345678", PHONE, "01062345678", "010-****5678"),
        ("电话１３８１２３４５６７８", PHONE, "13812345678", "１３８****５６７８"),
    ],
)
def test_numbers_are_found_and_masked(text: str, kind: str, number: str, masked: str | None) -> None:
    [found] = find(text)
    assert (found.kind, found.number) == (kind, number)
    assert text[found.start : found.end] == found.typed
    if masked is not None:
        assert found.masked == masked
    shown = mask_text(text)
    assert number not in shown.upper().replace(" ", "").replace("-", "")
    assert find(shown) == []  # masking is final: nothing left to find


@pytest.mark.parametrize(
    "text",
    [
        "2019-06-05至2019-06-12",
        "20190605出发，20190612返回",
        "2019年6月5日",
        "依据绍公通〔2019〕76号、浙卫发〔2018〕123号",
        "自费12345678.50元，折合13456789012.5日元",
        "1,234,567.89元",
        "航班CA1234，G1234次列车，MU5123",
        "统一社会信用代码12330600470112345X",
        "银行卡6222021234567890123",
        "审批编号SP2019-001，问题JC-01，核查项X101-0001-20190301",
        "E1234567（少一位）",
        "E123456789（多一位）",
        "邮编312000",
        "已脱敏的 E******78、33*************31X、138****5678",
        "提交 26ee7321a0 的改动",
    ],
)
def test_what_is_not_a_number(text: str) -> None:
    assert find(text) == []
    assert mask_text(text) == text


def test_an_id_shaped_number_with_a_wrong_check_digit_is_masked_but_uncertain() -> None:
    [right] = find("33060219700312031X")
    [wrong] = find("330602197003120319")
    assert right.certain and not wrong.certain
    assert wrong.masked == "33*************319"
    assert masking.id_check_digit("33060219700312031") == "X"


def test_several_numbers_in_one_text_keep_the_words_between() -> None:
    text = "钱芳（330602197805060427）持CA1234567于2019-01-26出境，电话13812345678。"
    assert mask_text(text) == "钱芳（33*************427）持C******67于2019-01-26出境，电话138****5678。"


def test_masked_numbers_match_the_field_masks() -> None:
    """A number masked inside free text looks like the same number masked in its own field."""
    for number, mask in (
        ("E12345678", masking.document_number),
        ("33060219700312031X", masking.id_number),
        ("13812345678", masking.phone),
        ("0575-85080558", masking.phone),
    ):
        assert mask_text(number) == mask(number)


def test_a_long_page_is_masked_quickly_enough_to_be_linear() -> None:
    page = "<tr><td>0012</td><td>张三</td><td>2019-06-05</td><td>探亲E12345678</td></tr>\n" * 20000
    shown = mask_text(page)
    assert "E12345678" not in shown and shown.count("E******78") == 20000


def test_no_run_of_ten_digits_is_a_number() -> None:
    """Short commit ids (ten hex characters) may be all digits: none of them is taken for a number."""
    for run in ("0572345678", "0212345678", "1381234567", "3306021970", "0102345678"):
        assert find(run) == [], run


def test_a_page_keeps_the_stars_of_masked_numbers_and_its_own_bold() -> None:
    """Two masked numbers in one Markdown paragraph must not turn into bold text without stars."""
    import markdown

    page = "状态：**部分报送**。护照 E12345678 与 C******67，电话 138-****-5678；**3 人尚未报告**"
    html = markdown.markdown(masking.mask_page(page))
    assert html.count("<strong>") == 2 and "部分报送</strong>" in html and "3 人尚未报告</strong>" in html
    shown = html.replace(masking.STAR_ENTITY, "*")
    assert "E******78" in shown and "C******67" in shown and "138-****-5678" in shown
