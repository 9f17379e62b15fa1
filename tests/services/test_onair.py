"""Taking jobs on air without OBS: cached images, live copies, the on-air record."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from hostdesk.config import Settings
from hostdesk.render.onair_renderer import QtOverlayRenderer
from hostdesk.services import onair
from hostdesk.services.onair import OnAirService, UnknownJob
from hostdesk.services.onair_look import build_look
from hostdesk.store.takes_repo import TakeRepository


@pytest.fixture
def service(qapp, ctx):
    ctx.catalogue.load_demo_if_empty()
    settings = Settings()
    settings.signup.hub_url = "https://hub.example"
    look = build_look(settings, session="S1", device="studio-1")
    return OnAirService(ctx.data_dir, ctx.jobs, TakeRepository(ctx.db), look, QtOverlayRenderer())


def test_take_writes_live_images_and_records_it(service, ctx):
    rendered, future = service.take("HX-001")
    assert future is None  # no OBS configured: the files are the output
    assert rendered.url == "https://hub.example/j/HX-001?s=S1&d=studio-1"
    live = service.folder / "live"
    card, qr = QImage(str(live / "card.png")), QImage(str(live / "qr.png"))
    assert (card.width(), qr.width()) == (
        QImage(str(rendered.card)).width(),
        QImage(str(rendered.qr)).width(),
    )
    assert card.width() > 600 and qr.width() > 100
    takes = TakeRepository(ctx.db).list_takes()
    assert [(t.action, t.job_code, t.session) for t in takes] == [("take", "HX-001", "S1")]


def test_unchanged_card_is_never_rendered_twice(service, monkeypatch):
    calls = []
    real = service.renderer.overlay
    monkeypatch.setattr(
        service.renderer, "overlay", lambda *a, **k: calls.append(a[0].code) or real(*a, **k)
    )
    assert service.prerender(["HX-001", "GE-002", "NOPE"]) == 2
    service.take("HX-001")
    service.take("GE-002")
    service.take("HX-001")
    assert calls == ["HX-001", "GE-002"]  # the takes used the pre-rendered images


def test_a_changed_job_or_look_renders_again(service, ctx):
    first = service.render(ctx.jobs.get("HX-001"))
    edited = ctx.jobs.get("HX-001")
    from dataclasses import replace

    second = service.render(replace(edited, title="冰箱总装普工（夜班）"))
    assert second.card != first.card
    service.look = build_look(Settings(), canvas=(1080, 1920))
    vertical = service.render(edited)
    assert vertical.card not in (first.card, second.card)
    assert QImage(str(vertical.card)).width() < 1080 * 0.85  # keeps off the right edge


def test_unknown_job_is_refused_and_nothing_recorded(service, ctx):
    with pytest.raises(UnknownJob):
        service.take("NO-SUCH")
    assert TakeRepository(ctx.db).list_takes() == []


def test_a_closed_job_cannot_go_on_air(service, ctx):
    from dataclasses import replace

    from hostdesk.core.jobs import JobStatus
    from hostdesk.services.onair import JobClosed

    ctx.jobs.upsert_many([replace(ctx.jobs.get("HX-001"), status=JobStatus.CLOSED)])
    with pytest.raises(JobClosed):
        service.take("HX-001")
    assert TakeRepository(ctx.db).list_takes() == []
    assert service.on_air is None


def test_preview_image_is_the_canvas_scaled(service, ctx):
    rendered = service.render(ctx.jobs.get("HX-001"))
    image = service.preview_image(rendered, 480)
    assert (image.width(), image.height()) == (480, 270)
    # The card's area is painted, the canvas above it stays transparent (OBS shows the show).
    card_y = round((rendered.card_at.y + 40) * 480 / 1920)
    assert image.pixelColor(240, card_y).alpha() > 200
    assert image.pixelColor(240, 10).alpha() == 0
    assert service.preview_image(None, 480).pixelColor(240, card_y).alpha() == 0


def test_clear_blanks_the_live_images_and_records_it(service, ctx):
    service.take("HX-001")
    assert service.clear() is None
    card = QImage(str(service.folder / "live" / "card.png"))
    assert card.pixelColor(0, 0).alpha() == 0
    assert [t.action for t in TakeRepository(ctx.db).list_takes()] == ["take", "clear"]


def _logo_png(colour: str) -> bytes:
    from PySide6.QtGui import QColor

    from hostdesk.render.card import png_bytes

    image = QImage(120, 120, QImage.Format.Format_ARGB32)
    image.fill(QColor(colour))
    return png_bytes(image)


def test_an_employer_logo_in_the_logos_folder_appears_on_its_cards(service, ctx):
    job = ctx.jobs.get("HX-001")
    plain = service.render(job)
    assert service.logos.is_dir()  # made up front, so the user sees where logos go
    (service.logos / f"{job.company}.png").write_bytes(_logo_png("#d0021b"))
    with_logo = service.render(job)
    assert with_logo.card != plain.card  # a new look: rendered again, not the cached card
    image = QImage(str(with_logo.card))
    red = sum(
        1
        for y in range(0, image.height(), 4)
        for x in range(0, image.width() // 3, 4)
        if image.pixelColor(x, y).red() > 180 and image.pixelColor(x, y).green() < 60
    )
    assert red > 20  # the logo's red is drawn in the card's header
    assert QImage(str(plain.card)).pixelColor(0, 0) == image.pixelColor(0, 0)
    # Another employer's card is unaffected, and a replaced logo is a new look again.
    other = next(j for j in ctx.jobs.list_jobs() if j.company != job.company)
    assert service.logo_file(other.company) is None
    (service.logos / f"{job.company}.png").write_bytes(_logo_png("#1b5ed0"))
    assert service.render(job).card not in (plain.card, with_logo.card)


def test_an_unreadable_or_unsafe_logo_never_fails_a_take(service, ctx):
    job = ctx.jobs.get("HX-001")
    (service.logos / f"{job.company}.png").write_bytes(b"not an image")
    rendered, _ = service.take("HX-001")
    assert QImage(str(rendered.card)).width() > 600
    assert service.logo_file("../secrets") is None
    assert service.logo_file("") is None


def test_the_cache_keeps_cards_of_each_language_apart(service, ctx):
    from hostdesk import i18n

    job = ctx.jobs.get("HX-001")
    try:
        i18n.install("zh_CN")
        chinese = service.render(job)
        i18n.install("en")
        english = service.render(job)
        assert english.card != chinese.card  # 急招 vs URGENT: never the other language's file
    finally:
        i18n.install("zh_CN")


def test_without_a_hub_address_no_qr_code_goes_on_air(qapp, ctx):
    ctx.catalogue.load_demo_if_empty()
    service = OnAirService(
        ctx.data_dir, ctx.jobs, TakeRepository(ctx.db), build_look(Settings()), QtOverlayRenderer()
    )
    rendered, _ = service.take("HX-001")
    assert rendered.url.startswith("/j/HX-001")  # a phone could not open this
    qr = QImage(str(rendered.qr))
    assert qr.width() > 100  # the tile keeps its place, so the layout does not jump
    assert all(
        qr.pixelColor(x, y).alpha() == 0
        for x in range(0, qr.width(), 7)
        for y in range(0, qr.height(), 7)
    )
    assert onair.scannable("https://hub.example/j/X") and not onair.scannable(rendered.url)


def test_preview_images_are_kept_for_the_next_take(service, ctx):
    rendered = service.render(ctx.jobs.get("HX-001"))
    first = service.preview_image(rendered, 320)
    assert service.preview_image(rendered, 320) is first  # the cued job, taken: no redraw
    for code in ("GE-001", "GE-002", "GE-003", "HX-002", "HX-003") * 3:
        service.preview_image(service.render(ctx.jobs.get(code)), 320)
    assert len(service._previews) <= onair.PREVIEWS_KEPT
