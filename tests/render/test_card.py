"""Job cards: every demo job in every layout, theme and canvas, and text that will not fit."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QColor, QImage

from hostdesk.core.jobs import Job
from hostdesk.core.salary import Pay, parse_pay
from hostdesk.render.card import render_card, render_card_png, render_card_traced
from hostdesk.render.geometry import Layout, card_geometry
from hostdesk.render.themes import DEFAULT_THEME, THEMES
from tests.render.conftest import DEMO_JOBS

CANVASES = {
    Layout.LANDSCAPE: [(1920, 1080), (1280, 720)],
    Layout.SIDE: [(1920, 1080), (1280, 720)],
    Layout.VERTICAL: [(1080, 1920), (720, 1280)],
}
CASES = [
    (layout, canvas, theme)
    for layout, canvases in CANVASES.items()
    for canvas in canvases
    for theme in THEMES
]

# fmt: off
BENEFITS = (
    "包吃住", "五险一金", "高温补贴", "班车", "夫妻间", "4-6人间", "餐补", "冬季劳保", "免费体检",
    "带薪年假", "节日福利", "生日礼金", "全勤奖", "技能补贴", "夜班补贴", "工龄工资", "住房补贴",
    "交通补贴", "话费补贴", "一项特别特别特别特别特别特别特别特别特别特别特别特别长的福利",
)
# fmt: on
TORTURE = replace(
    DEMO_JOBS[3],
    title="超长岗位名称电子厂普工包装工质检员操作工仓管叉车司机焊工喷涂工" * 4 + "ÁÉgjpqy",
    company="某某某某国际人力资源服务集团有限公司第十八分公司山东省青岛市黄岛区办事处" * 3,
    city="山东省青岛市黄岛区经济技术开发区前湾港路一千二百三十四号" * 2,
    pay=parse_pay("综合工资6000-7500元/月"),
    benefits=BENEFITS,
    headcount=999999,
    shift="两班倒，上六休一，每天工作十二小时含加班，旺季可能需要周末加班" * 2,
    urgent=True,
)
SPARSE = Job(code="X-1", title="普工")


def _check_texts(image: QImage, texts) -> None:
    bounds = QRectF(image.rect())
    for text in texts:
        assert text.fits, f"{text.role} {text.text!r}: ink {text.ink} outside {text.box}"
        assert bounds.contains(text.box), f"{text.role} box {text.box} leaves the card"
    inks = [t.ink for t in texts]
    for i, a in enumerate(inks):
        for b in inks[i + 1 :]:
            assert not a.intersects(b), f"text runs overlap: {a} {b}"


@pytest.mark.parametrize(("layout", "canvas", "theme"), CASES)
def test_every_demo_job_fits(family, layout, canvas, theme):
    for job in DEMO_JOBS:
        image, texts = render_card_traced(job, layout=layout, theme=theme, canvas=canvas)
        *_, w, h = card_geometry(layout, canvas)
        assert (image.width(), image.height()) == (w, h)
        assert image.format() == QImage.Format.Format_ARGB32_Premultiplied
        assert image.pixelColor(0, 0).alpha() == 0  # transparent around the rounded body
        _check_texts(image, texts)
        roles = [t.role for t in texts]
        assert "title" in roles and "pay" in roles and "company" in roles
        assert not any(t.elided for t in texts if t.role in ("title", "pay")), job.code
        assert ("badge" in roles) == job.urgent


@pytest.mark.parametrize(("layout", "canvas", "theme"), CASES)
def test_absurdly_long_text_shrinks_then_ellipsises(family, layout, canvas, theme):
    image, texts = render_card_traced(TORTURE, layout=layout, theme=theme, canvas=canvas)
    _check_texts(image, texts)
    by_role = {t.role: t for t in texts}
    assert by_role["title"].text.endswith("…")
    assert by_role["company"].text.endswith("…")
    chips = [t for t in texts if t.role == "chip"]
    more = [t for t in texts if t.role == "chip-more"]
    assert len(more) == 1
    assert len(chips) + int(more[0].text.removeprefix("+")) == len(TORTURE.benefits)
    assert len({round(t.box.top()) for t in chips + more}) <= 2  # at most two lines


@pytest.mark.parametrize("layout", list(Layout))
def test_sparse_job_renders(family, layout):
    image, texts = render_card_traced(SPARSE, layout=layout)
    _check_texts(image, texts)
    assert [t.text for t in texts] == ["普工"]


@pytest.mark.parametrize(
    ("pay", "runs"),
    [
        (parse_pay("年薪5-10万"), ["年薪", "5-10", "万"]),  # issue 15: yearly pay
        (parse_pay("试用期3200元/月，转正3500元/月"), ["3200-3500", "元/月"]),
        (Pay(text="看心情"), ["看心情"]),  # pay not read: the card shows it as written
    ],
)
def test_pay_is_drawn_as_the_host_says_it(family, pay, runs):
    image, texts = render_card_traced(replace(DEMO_JOBS[0], pay=pay))
    _check_texts(image, texts)
    assert [t.text for t in texts if t.role == "pay"] == runs


def test_fixed_strings_are_translatable(family):
    urgent = replace(DEMO_JOBS[0], urgent=True, headcount=200)
    texts = render_card_traced(urgent)[1]
    shown = {t.text for t in texts}
    assert QCoreApplication.translate("Card", "URGENT") in shown
    assert QCoreApplication.translate("Card", "Hiring {count}").format(count=200) in shown


@pytest.mark.parametrize("size", [(800, 80), (80, 800), (64, 64), (1000, 30)])
def test_logo_is_fitted_with_its_aspect(family, size):
    logo = QImage(*size, QImage.Format.Format_ARGB32)
    logo.fill(QColor("#00A000"))
    job = DEMO_JOBS[0]
    card, texts = render_card_traced(job, layout="vertical", canvas=(1080, 1920), logo=logo)
    _check_texts(card, texts)
    title = next(t for t in texts if t.role == "title")
    green = [
        (x, y)
        for y in range(card.height())
        for x in range(int(title.box.left()))
        if card.pixelColor(x, y).green() > 120 and card.pixelColor(x, y).red() < 60
    ]
    assert green, "the logo is drawn left of the title"
    xs, ys = [p[0] for p in green], [p[1] for p in green]
    width, height = max(xs) - min(xs) + 1, max(ys) - min(ys) + 1
    # Aspect kept: the short side is what the long side predicts, to a pixel of rounding.
    if size[0] >= size[1]:
        assert abs(height - width * size[1] / size[0]) <= 1.5
    else:
        assert abs(width - height * size[0] / size[1]) <= 1.5
    assert max(width, height) <= title.box.height() * 2  # scaled to the plate, not pasted


def test_sizes_follow_the_canvas(family):
    big = card_geometry("landscape", (1920, 1080))
    small = card_geometry("landscape", (1280, 720))
    for a, b in zip(big, small, strict=True):
        assert b == pytest.approx(a * 2 / 3, abs=2)
    uhd = render_card(DEMO_JOBS[0], canvas=(3840, 2160))
    assert (uhd.width(), uhd.height()) == card_geometry("landscape", (3840, 2160))[2:]


def test_png_bytes(family):
    data = render_card_png(DEMO_JOBS[0], layout="side", theme=DEFAULT_THEME)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = QImage.fromData(data, "PNG")
    assert image.hasAlphaChannel()
    assert (image.width(), image.height()) == card_geometry("side", (1920, 1080))[2:]


@pytest.mark.parametrize("name", ["landscape", "side", "vertical"])
def test_layouts_by_name(family, name):
    assert render_card(SPARSE, layout=name).width() == card_geometry(name, (1920, 1080))[2]


def test_unknown_names_list_the_valid_ones(family):
    with pytest.raises(ValueError, match="landscape, side, vertical"):
        render_card(SPARSE, layout="diagonal")
    with pytest.raises(ValueError, match="dark, light"):
        render_card(SPARSE, theme="neon")


def test_themes_differ_and_are_named(family):
    assert set(THEMES) >= {"dark", "light"} and DEFAULT_THEME in THEMES
    dark = render_card(DEMO_JOBS[0], theme="dark")
    light = render_card(DEMO_JOBS[0], theme="light")
    middle = (dark.width() // 2, dark.height() // 2)
    assert dark.pixelColor(*middle).lightness() < 80 < light.pixelColor(*middle).lightness()


def test_settings_labels(qapp):
    from hostdesk.render.geometry import layout_label
    from hostdesk.render.themes import theme_label

    assert theme_label("dark") and theme_label("light") != theme_label("dark")
    assert all(layout_label(layout) for layout in Layout)
    with pytest.raises(ValueError):
        theme_label("neon")
