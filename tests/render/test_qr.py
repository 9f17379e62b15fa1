"""QR sign-up codes: URL building, crisp modules, and decoding after a compressed stream."""

from __future__ import annotations

import io

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from hostdesk.core.jobs import Job
from hostdesk.render.card import compose, render_overlay
from hostdesk.render.qr import QUIET_ZONE, qr_image, qr_matrix, render_qr, signup_url
from hostdesk.render.themes import THEMES
from tests.render.conftest import DEMO_JOBS

HUB = "https://hub.example.cn"
LONG_URL = (
    "https://recruit-hub.example-agency.com.cn/signup/jobs/QC-002/form?session=2025-06-01-"
    "evening-live&src=kuaishou&utm_campaign=summer"
)
STREAMS = {  # canvas -> what the platform sends to phones
    (1920, 1080): (1280, 720),
    (1080, 1920): (720, 1280),
}


def test_default_template():
    job = Job(code="HX-001", title="冰箱总装普工")
    assert signup_url(job, hub=HUB, session="S7", device="pc 1") == f"{HUB}/j/HX-001?s=S7&d=pc%201"
    assert signup_url(job, hub=HUB + "/", session="S7") == f"{HUB}/j/HX-001?s=S7&d="


def test_parts_are_quoted():
    job = Job(code="A/B 1", title="x")
    url = signup_url(job, "{hub}/apply?job={code}&s={session}", hub=HUB, session="夜场 #2&x")
    assert url == f"{HUB}/apply?job=A%2FB%201&s=%E5%A4%9C%E5%9C%BA%20%232%26x"


def test_the_jobs_own_url_wins():
    job = Job(code="HX-001", title="x", signup_url=" https://example.cn/报名?id=1 ")
    assert signup_url(job, hub=HUB, session="S") == "https://example.cn/%E6%8A%A5%E5%90%8D?id=1"
    already = Job(code="A", title="x", signup_url="https://e.cn/%E6%8A%A5?id=1")
    assert signup_url(already) == "https://e.cn/%E6%8A%A5?id=1"  # not quoted twice


def test_bad_template_is_a_clear_error():
    with pytest.raises(ValueError, match=r"\{hub\}, \{code\}, \{session\} and \{device\}"):
        signup_url(Job(code="A", title="x"), "{hub}/j/{job_id}", hub=HUB)


def test_matrix_has_the_quiet_zone():
    matrix = qr_matrix(LONG_URL)
    n = len(matrix)
    for i in range(QUIET_ZONE):
        assert not any(matrix[i]) and not any(matrix[n - 1 - i])
        assert not any(row[i] or row[n - 1 - i] for row in matrix)
    assert any(matrix[QUIET_ZONE])


def test_modules_are_whole_pixels_black_and_white(qapp):
    image = qr_image(LONG_URL, 300)
    modules = len(qr_matrix(LONG_URL))
    assert image.width() == image.height() and image.width() % modules == 0
    colours = {image.pixel(x, y) for y in range(image.height()) for x in range(image.width())}
    assert colours == {QColor("black").rgb(), QColor("white").rgb()}


def test_too_small_for_the_url_is_an_error(qapp):
    with pytest.raises(ValueError, match="shorten the URL"):
        qr_image(LONG_URL, 40)


@pytest.mark.parametrize("theme", list(THEMES))
def test_tile_has_the_caption_and_the_requested_size(family, theme):
    tile = render_qr(f"{HUB}/j/HX-001?s=S1", (264, 300), theme=theme)
    assert (tile.width(), tile.height()) == (264, 300)
    assert tile.pixelColor(0, 0).alpha() == 0
    assert render_qr(f"{HUB}/j/A", 200).width() == 200
    decoded = _decode(tile.convertToFormat(QImage.Format.Format_RGB888))
    assert decoded == [f"{HUB}/j/HX-001?s=S1"]


def _decode(image: QImage) -> list[str]:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    pil = Image.frombuffer(
        "RGB", (rgb.width(), rgb.height()), bytes(rgb.constBits()), "raw", "RGB",
        rgb.bytesPerLine(), 1,
    )  # fmt: skip
    return [barcode.text for barcode in zxingcpp.read_barcodes(pil)]


def _through_the_stream(frame: QImage, size: tuple[int, int]) -> list[str]:
    """OBS downscales the program output, the encoder compresses hard, a phone decodes."""
    small = frame.scaled(
        *size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    rgb = small.convertToFormat(QImage.Format.Format_RGB888)
    pil = Image.frombuffer(
        "RGB", (rgb.width(), rgb.height()), bytes(rgb.constBits()), "raw", "RGB",
        rgb.bytesPerLine(), 1,
    )  # fmt: skip
    jpeg = io.BytesIO()
    pil.save(jpeg, "JPEG", quality=40)
    jpeg.seek(0)
    return [barcode.text for barcode in zxingcpp.read_barcodes(Image.open(jpeg))]


def _frame(url: str, job: Job, layout: str, canvas: tuple[int, int], theme: str) -> QImage:
    grey = QImage(*canvas, QImage.Format.Format_ARGB32_Premultiplied)
    grey.fill(QColor(128, 128, 128))
    overlay = render_overlay(job, url, layout=layout, theme=theme, canvas=canvas)
    return compose(overlay, canvas, grey)


@pytest.mark.parametrize(
    ("layout", "canvas"),
    [("landscape", (1920, 1080)), ("side", (1920, 1080)), ("vertical", (1080, 1920))],
)
def test_every_demo_code_survives_the_stream(family, layout, canvas):
    for i, job in enumerate(DEMO_JOBS):
        url = signup_url(job, hub=HUB, session="2025-06-01-evening")
        theme = list(THEMES)[i % len(THEMES)]
        decoded = _through_the_stream(_frame(url, job, layout, canvas, theme), STREAMS[canvas])
        assert decoded == [url], job.code


@pytest.mark.parametrize(
    ("layout", "canvas"),
    [("landscape", (1920, 1080)), ("side", (1920, 1080)), ("vertical", (1080, 1920))],
)
@pytest.mark.parametrize("theme", list(THEMES))
def test_a_long_url_survives_the_stream(family, layout, canvas, theme):
    assert 115 <= len(LONG_URL) <= 130
    frame = _frame(LONG_URL, DEMO_JOBS[0], layout, canvas, theme)
    assert _through_the_stream(frame, STREAMS[canvas]) == [LONG_URL]


@pytest.mark.parametrize("canvas", [(1280, 720), (720, 1280)])
def test_a_long_url_survives_a_small_canvas(family, canvas):
    layout = "vertical" if canvas[1] > canvas[0] else "landscape"
    frame = _frame(LONG_URL, DEMO_JOBS[0], layout, canvas, "dark")
    assert _through_the_stream(frame, canvas) == [LONG_URL]  # JPEG only, no downscale
