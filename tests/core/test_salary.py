"""Pay parsing and display: every notation employer sheets use, and those to refuse."""

from __future__ import annotations

import pytest

from hostdesk.core.salary import Pay, PayParseError, PayUnit, format_pay, parse_pay

M, H, D, P = PayUnit.MONTH, PayUnit.HOUR, PayUnit.DAY, PayUnit.PIECE

# text, min, max, unit, note, display
CASES = [
    ("6000-8000", 6000, 8000, M, "", "6000-8000元/月"),
    ("6000-8000元/月", 6000, 8000, M, "", "6000-8000元/月"),
    ("6000~8000元每月", 6000, 8000, M, "", "6000-8000元/月"),
    ("6000～8000元/月", 6000, 8000, M, "", "6000-8000元/月"),
    ("6000—8000元", 6000, 8000, M, "", "6000-8000元/月"),
    ("6000–8000", 6000, 8000, M, "", "6000-8000元/月"),
    ("6000至8000元/月", 6000, 8000, M, "", "6000-8000元/月"),
    ("6000到8000", 6000, 8000, M, "", "6000-8000元/月"),
    ("６０００－８０００元／月", 6000, 8000, M, "", "6000-8000元/月"),
    ("6000 - 8000 元 / 月", 6000, 8000, M, "", "6000-8000元/月"),
    ("RMB 6000-8000", 6000, 8000, M, "", "6000-8000元/月"),
    ("¥6000-8000", 6000, 8000, M, "", "6000-8000元/月"),
    ("6000元-8000元", 6000, 8000, M, "", "6000-8000元/月"),
    ("月薪6000-8000", 6000, 8000, M, "", "6000-8000元/月"),
    ("6-8K", 6000, 8000, M, "", "6000-8000元/月"),
    ("6k-8k", 6000, 8000, M, "", "6000-8000元/月"),
    ("4.5k-6k", 4500, 6000, M, "", "4500-6000元/月"),
    ("5000-8k", 5000, 8000, M, "", "5000-8000元/月"),
    ("6千-8千", 6000, 8000, M, "", "6000-8000元/月"),
    ("1-1.2万", 10000, 12000, M, "", "10000-12000元/月"),
    ("22元/小时", 22, 22, H, "", "22元/小时"),
    ("22元/时", 22, 22, H, "", "22元/小时"),
    ("时薪22元", 22, 22, H, "", "22元/小时"),
    ("工价22", 22, 22, H, "", "22元/小时"),
    ("22/h", 22, 22, H, "", "22元/小时"),
    ("22/H", 22, 22, H, "", "22元/小时"),
    ("22.5元/小时", 22.5, 22.5, H, "", "22.5元/小时"),
    ("20-25元/小时", 20, 25, H, "", "20-25元/小时"),
    ("260元/天", 260, 260, D, "", "260元/天"),
    ("日薪260", 260, 260, D, "", "260元/天"),
    ("0.5元/件", 0.5, 0.5, P, "", "0.5元/件"),
    ("计件", None, None, P, "计件", "计件"),
    ("综合工资6000+", 6000, None, M, "综合工资", "综合工资6000元/月起"),
    ("综合6000-8000", 6000, 8000, M, "综合工资", "综合工资6000-8000元/月"),
    ("3800底薪+计件", 3800, None, M, "底薪+计件", "底薪3800元/月+计件"),
    ("底薪3800+计件", 3800, None, M, "底薪+计件", "底薪3800元/月+计件"),
    ("6000", 6000, 6000, M, "", "6000元/月"),
    ("6000元/月", 6000, 6000, M, "", "6000元/月"),
    ("6000以上", 6000, None, M, "", "6000元/月起"),
    ("6000起", 6000, None, M, "", "6000元/月起"),
    # The 工价 convention for a bare number: < 100 hourly, 100-999 daily, >= 1000 monthly.
    ("22", 22, 22, H, "", "22元/小时"),
    ("99", 99, 99, H, "", "99元/小时"),
    ("100", 100, 100, D, "", "100元/天"),
    ("999", 999, 999, D, "", "999元/天"),
    ("1000", 1000, 1000, M, "", "1000元/月"),
]


@pytest.mark.parametrize(("text", "low", "high", "unit", "note", "display"), CASES)
def test_parse_pay_reads_sheet_notation(text, low, high, unit, note, display):
    pay = parse_pay(text)
    assert (pay.min, pay.max, pay.unit, pay.note) == (low, high, unit, note)
    assert pay.text == text
    assert format_pay(pay) == display


@pytest.mark.parametrize("text", ["6000-8000", "4.5k-6k", "6千-8千", "22元/小时", "1-1.2万"])
def test_integral_amounts_are_ints_not_floats(text):
    pay = parse_pay(text)
    assert type(pay.min) is int
    assert type(pay.max) is int


def test_fractional_amount_stays_float():
    assert type(parse_pay("22.5元/小时").min) is float


@pytest.mark.parametrize("text", ["面议", "薪资面议", "工资面议", " 面议 "])
def test_negotiable(text):
    pay = parse_pay(text)
    assert pay.is_negotiable
    assert not pay.is_missing
    assert (pay.min, pay.max, pay.unit) == (None, None, None)
    assert pay.text == text
    assert format_pay(pay) == "面议"


def test_negotiable_constructor_matches_parsed():
    assert Pay.negotiable() == parse_pay("面议")
    assert Pay.negotiable("薪资面议").text == "薪资面议"


def test_negotiable_survives_losing_its_note():
    # Job.from_json rebuilds Pay without `note`; the text still says 面议.
    pay = Pay(text="薪资面议")
    assert pay.is_negotiable
    assert format_pay(pay) == "面议"


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_empty_is_missing_not_an_error(text):
    pay = parse_pay(text)
    assert pay == Pay()
    assert pay.is_missing
    assert format_pay(pay) == ""


@pytest.mark.parametrize(
    "pay",
    [parse_pay("6000"), parse_pay("计件"), Pay.negotiable(), Pay(text="见面谈")],
)
def test_given_pay_is_not_missing(pay):
    assert not pay.is_missing


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("abc", "unparseable"),
        ("高薪", "unparseable"),
        ("月薪", "unparseable"),
        ("综合工资", "unparseable"),
        ("6000/7000", "unparseable"),
        ("6000-8000-9000", "unparseable"),
        ("22元/小时/天", "unparseable"),
        ("月综合薪资元-元", "unparseable"),  # the figures were lost before the sheet was made
        ("包吃包住", "unparseable"),
        ("8000-6000", "min_gt_max"),
        ("8k-6k", "min_gt_max"),
        ("30-20元/小时", "min_gt_max"),
        ("-22", "negative"),
        ("-22元/小时", "negative"),
        ("月薪-6000", "negative"),
        ("6000~-8000", "negative"),
    ],
)
def test_parse_pay_rejects(text, reason):
    with pytest.raises(PayParseError) as caught:
        parse_pay(text)
    assert caught.value.reason == reason
    assert caught.value.text == text
    assert text in str(caught.value)
    assert isinstance(caught.value, ValueError)


Y = PayUnit.YEAR

# Issue 15: every family of notation real employer postings use, read as a recruiter reads it.
# text, min, max, unit, note
FAMILIES = [
    # approximations: the stated figure
    ("月薪3500元左右", 3500, 3500, M, ""),
    ("约4000", 4000, 4000, M, ""),
    ("大约180元/天", 180, 180, D, ""),
    ("3000~6000以上", 3000, 6000, M, ""),
    ("6000-8000以上", 6000, 8000, M, ""),
    ("5000起", 5000, None, M, ""),
    ("可达6500元以上", 6500, None, M, ""),
    # other pay words
    ("月收入5000", 5000, 5000, M, ""),
    ("月均工资4500", 4500, 4500, M, ""),
    ("税后5000", 5000, 5000, M, ""),
    ("到手5000", 5000, 5000, M, ""),
    ("保底5000", 5000, 5000, M, ""),
    ("面议6000", 6000, 6000, M, ""),  # a figure next to 面议 is the figure
    # base pay plus commission or bonuses: a minimum, no maximum
    ("底薪3500+提成", 3500, None, M, ""),
    ("底薪2200+200全勤奖+工龄奖", 2200, None, M, ""),
    ("底薪：130元，3个有效拉访指标，多一个加15", 130, None, D, ""),
    # remarks after the amount
    ("3500-4500元/月，6天8小时工作制", 3500, 4500, M, ""),
    ("月薪2500-3000，包吃包住", 2500, 3000, M, ""),
    ("日结130-170，免费午餐和车补", 130, 170, D, ""),
    ("【薪资待遇】21元/小时，节日63/小时", 21, 21, H, ""),
    ("工作时间9:00-18:00，日薪200", 200, 200, D, ""),
    ("每月15号发工资，月薪4000", 4000, 4000, M, ""),
    # odd dashes
    ("2400---6000元", 2400, 6000, M, ""),
    ("3000--3500", 3000, 3500, M, ""),
    ("2500元一一8000元", 2500, 8000, M, ""),
    ("6000一9000元/月", 6000, 9000, M, ""),
    ("3000～4000", 3000, 4000, M, ""),
    ("3000至4000", 3000, 4000, M, ""),
    ("3000到4000", 3000, 4000, M, ""),
    ("168－210一天周结", 168, 210, D, ""),
    ("18元-20元/小时", 18, 20, H, ""),
    # the unit written after 一 or 每
    ("日结18一小时", 18, 18, H, ""),
    ("20每小时", 20, 20, H, ""),
    ("200一天", 200, 200, D, ""),
    ("20块一天", 20, 20, D, ""),
    # trial then regular pay: one range
    ("试用期3200元/月，转正3500元/月", 3200, 3500, M, ""),
    ("试用期工资3500-3800，一个月转正后3800元-5680元", 3500, 5680, M, ""),
    # yearly pay: its own unit
    ("年薪5-10万", 50000, 100000, Y, ""),
    ("年薪10万", 100000, 100000, Y, ""),
    ("80000元/年", 80000, 80000, Y, ""),
    # each post's or shift's pay: one range; overtime and add-ons are not a post
    ("白班16元/小时，晚班17元/小时", 16, 17, H, ""),
    ("炒锅320/天，烧腊320/天，打荷280/天", 280, 320, D, ""),
    ("收银、服务员：3300元-5000元\n后厨：3300元-5500元", 3300, 5500, M, ""),
    (
        "①薪资每小时14.5元，分割手每小时15.5元。法定节假日30元每小时,月薪3000—4000元。",
        14.5,
        15.5,
        H,
        "",
    ),
    ("20元/时（15元/时的基本工资+每小时5元的餐补）", 20, 20, H, ""),
    ("180-200/天（税前），餐补20/天", 180, 200, D, ""),
    # base pay on its own is a minimum too
    ("日结底薪：120元/天", 120, None, D, ""),
    ("底薪2200元-2800元", 2200, 2800, M, ""),
    # Chinese numerals, list numbers, a unit on both ends, an open end before the unit
    ("薪资八千到两万，包吃住", 8000, 20000, M, ""),
    ("月薪三千五", 3500, 3500, M, ""),
    ("1、工资500-/天，工资当天结算", 500, None, D, ""),
    ("2.时薪21元", 21, 21, H, ""),
    ("月综合工资3000元/月-4000元/月", 3000, 4000, M, "综合工资"),
    ("日薪800--元以上", 800, None, D, ""),
    # a bare range reads as pay; a bare number only with pay words in its sentence
    ("春季拍卖会180-260", 180, 260, D, ""),
    ("薪资日结，600到价位不等", 600, 600, D, ""),
]


@pytest.mark.parametrize(
    "text",
    ["6天8小时工作制", "每月15号发放", "工作时间9:00-18:00", "招30人，18-45岁", "3个月以上"],
)
def test_counts_dates_and_times_are_not_pay(text):
    with pytest.raises(PayParseError):
        parse_pay(text)


@pytest.mark.parametrize(("text", "low", "high", "unit", "note"), FAMILIES)
def test_parse_pay_reads_every_family_of_employer_notation(text, low, high, unit, note):
    pay = parse_pay(text)
    assert (pay.min, pay.max, pay.unit, pay.note) == (low, high, unit, note)
    assert pay.text == text


@pytest.mark.parametrize("text", ["工资面试", "薪资面试", "面议元/小时"])
def test_typo_and_empty_figures_read_as_negotiable(text):
    assert parse_pay(text).is_negotiable


@pytest.mark.parametrize(
    ("text", "display"),
    [
        ("年薪5-10万", "年薪5-10万"),
        ("年薪10万", "年薪10万"),
        ("年薪12万以上", "年薪12万起"),
        ("80000元/年", "年薪8万"),
        ("年薪85000", "85000元/年"),
        ("底薪3500+提成", "3500元/月起"),
        ("试用期3200元/月，转正3500元/月", "3200-3500元/月"),
    ],
)
def test_format_pay_says_it_as_the_host_does(text, display):
    pay = parse_pay(text)
    assert format_pay(pay) == display
    again = parse_pay(display)
    assert (again.min, again.max, again.unit) == (pay.min, pay.max, pay.unit)


def test_unread_pay_is_shown_as_written():
    pay = Pay(text="看情况")
    assert not pay.is_read
    assert format_pay(pay) == "看情况"
    assert parse_pay("6000").is_read and Pay.negotiable().is_read


@pytest.mark.parametrize(
    ("pay", "display"),
    [
        (Pay(min=4500.0, max=6000.0, unit=M), "4500-6000元/月"),
        (Pay(min=22.5, max=22.5, unit=H), "22.5元/小时"),
        (Pay(min=6000, max=6000, unit=None), "6000元"),
        (Pay(max=45, unit=H), "45元/小时以下"),
        (Pay(unit=P), "计件"),
    ],
)
def test_format_pay_values_built_elsewhere(pay, display):
    # Values come back from JSON and the database as floats, or without a unit.
    assert format_pay(pay) == display


@pytest.mark.parametrize("text", [c[0] for c in CASES])
def test_display_text_parses_back_to_the_same_amounts(text):
    pay = parse_pay(text)
    again = parse_pay(format_pay(pay))
    assert (again.min, again.max, again.unit, again.note) == (pay.min, pay.max, pay.unit, pay.note)


@pytest.mark.parametrize(
    "pay",
    [
        Pay(min=6000, max=8000, unit=PayUnit.MONTH),
        Pay(min=22.5, max=22.5, unit=PayUnit.HOUR),
        Pay(min=260, max=260, unit=PayUnit.DAY),
        Pay(min=None, max=5000, unit=PayUnit.MONTH),
        Pay(min=6000, max=None, unit=PayUnit.MONTH),
        Pay(min=6000, max=None, unit=PayUnit.MONTH, note="综合工资"),
        Pay(min=3800, max=None, unit=PayUnit.MONTH, note="底薪+计件"),
        Pay(min=0.5, max=0.5, unit=PayUnit.PIECE),
        Pay(unit=PayUnit.PIECE, note="计件"),
    ],
)
def test_format_then_parse_round_trips(pay):
    # A job typed in without sheet text is exported as format_pay and must import back equal.
    shown = format_pay(pay)
    back = parse_pay(shown)
    assert (back.min, back.max, back.unit, back.note) == (pay.min, pay.max, pay.unit, pay.note)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        # 月 right before the figure names the unit, even after 计件 (held-out corpus gap).
        ("计件工资月4000元-5000元", 4000, 5000, M),
        # A bare figure with allowances added is pay, its top open like 底薪…+.
        ("2100+加班费+夜班津贴", 2100, None, M),
        ("2100+全勤奖", 2100, None, M),
        # Trial pay then the pay after N months: one range.
        ("试用期2000，满2个月2300", 2000, 2300, M),
        ("试用期2000元/月，满3个月2400元/月", 2000, 2400, M),
        # 起薪: starting pay, the top left open.
        ("起薪2600", 2600, None, M),
        ("起薪2600元/月", 2600, None, M),
    ],
)
def test_parse_pay_reads_the_held_out_corpus_notations(text, low, high, unit):
    pay = parse_pay(text)
    assert (pay.min, pay.max, pay.unit) == (low, high, unit)


@pytest.mark.parametrize("text", ["月工作26天", "试用期3个月"])
def test_trial_and_month_words_alone_are_not_pay(text):
    # 试用/月 make a bare number pay only when it is one: counts of days and months stay counts.
    with pytest.raises(PayParseError):
        parse_pay(text)
