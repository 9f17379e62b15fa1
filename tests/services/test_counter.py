"""The live sign-up counter: what it counts, how it words and masks, how often it draws, OBS."""

from __future__ import annotations

import itertools
import time
from concurrent.futures import Future
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtGui import QImage

from hostdesk import app
from hostdesk.config import Settings
from hostdesk.core.phone import mask_phone
from hostdesk.core.registrations import RegistrationDraft
from hostdesk.render.onair_renderer import QtOverlayRenderer
from hostdesk.services import counter as counter_module
from hostdesk.services.counter import CounterService, mask_name, ticker_text
from hostdesk.services.onair_look import build_look
from hostdesk.services.registrations import load_or_create_key
from hostdesk.store.counter_reader import CounterReader, CounterRow
from hostdesk.sync.pull import hub_registration

CODE = "HX-001"


@pytest.fixture(autouse=True)
def source_language(qapp):
    # The wording is checked in English (the source); a test before may have installed zh_CN.
    from hostdesk import i18n

    i18n.install("en")


class FakeLink:
    """Stands in for ObsLink: keeps every frame it was asked to show."""

    def __init__(self):
        self.frames = []

    def show(self, frame) -> Future:
        self.frames.append(frame)
        done: Future = Future()
        done.set_result(True)
        return done


@pytest.fixture
def drawn(monkeypatch):
    """Every (count, ticker) the counter drew, in order (spied on the renderer's class)."""
    calls = []
    real = QtOverlayRenderer.counter

    def spy(self, count, ticker, *args, **kwargs):
        calls.append((count, ticker))
        return real(self, count, ticker, *args, **kwargs)

    monkeypatch.setattr(QtOverlayRenderer, "counter", spy)
    return calls


@pytest.fixture
def onair(qapp, ctx):
    ctx.catalogue.load_demo_if_empty()
    service = app.build_onair(ctx)
    service.use_link(FakeLink())
    return service


def save(ctx, name="张三丰", phone=None, code=CODE):
    save.n += 1
    phone = phone or f"1381234{save.n:04d}"
    return ctx.registrations.save(RegistrationDraft(job_code=code, name=name, phone=phone, age=30))


save.n = 0


def hub_row(ctx, name="李四", created=None, client_id="hub-1", phone="13912345678"):
    """A sign-up from the hub's page, stored as the sync pull stores it: the hub sends a
    device the name and phone masked (hostdesk/hub/access.py)."""
    created = created or datetime.now(UTC)
    item = {
        "origin": "hub", "client_id": client_id, "version": 1, "cursor": 1,
        "created_at": created.isoformat(), "job_code": CODE, "job_title": "冰箱总装普工",
        "name": mask_name(name), "phone": mask_phone(phone), "age": 25, "source": "qr", "session_id": "",
        "consent_method": "checkbox", "notice_version": "2026-11", "status": "active",
    }  # fmt: skip
    reg = hub_registration(item, load_or_create_key(ctx.data_dir), created.year)
    assert reg is not None
    ctx.registrations.repo.upsert_from_hub([reg], {}, created)


def wait_out(service: CounterService) -> None:
    """Sleep through the throttle window, so the next refresh may draw."""
    time.sleep(counter_module.MIN_INTERVAL + 0.02)


def test_count_goes_up_with_each_save_and_includes_hub_sign_ups(onair, ctx, drawn):
    onair.take(CODE)
    first = onair.counter.refresh()
    assert first.rendered and first.count == 0
    save(ctx)
    wait_out(onair.counter)
    assert onair.counter.refresh().count == 1
    hub_row(ctx)
    wait_out(onair.counter)
    result = onair.counter.refresh()
    assert result.count == 2 and result.rendered
    assert drawn[-1] == (2, "李** just signed up for 冰箱总装普工")
    # The job's count over every session, and only its own: other jobs do not add up.
    save(ctx, code="GE-001")
    assert CounterReader(ctx.db).read(CODE).count == 2


def test_withdrawn_and_erased_sign_ups_do_not_count(onair, ctx):
    kept, gone = save(ctx), save(ctx, name="王五")
    ctx.registrations.withdraw(gone.id)
    assert CounterReader(ctx.db).read(CODE).count == 1
    hub_row(ctx, created=datetime.now(UTC) + timedelta(seconds=1))
    assert CounterReader(ctx.db).read(CODE).count == 2
    # Erased by retention (a pulled row: the hub has it): the record stays, no longer counts.
    later = datetime.now(UTC) + timedelta(days=1)
    assert ctx.registrations.purge_expired(0, now=later) == 1
    row = CounterReader(ctx.db).read(CODE)
    assert row.count == 1 and ctx.registrations.get(kept.id).erased_at is None
    assert row.name == "张三丰"  # the newest that still counts


def test_the_ticker_is_masked_and_never_shows_the_phone(onair, ctx, drawn):
    save(ctx, name="欧阳娜娜", phone="13712340001")
    onair.take(CODE)
    onair.counter.refresh()
    _count, ticker = drawn[-1]
    assert ticker.startswith("欧**") and "阳" not in ticker and "娜" not in ticker
    assert "1371234" not in ticker and "0001" not in ticker
    assert mask_name("李") == "李**" and mask_name("  ") == ""  # never the name's length


def test_the_ticker_mask_never_shows_a_lone_override():
    # Names stored before the desk and the hub cleaned them may still hold these.
    assert mask_name("\u202e张三") == "张**"
    assert mask_name("\u200b\u202e李四") == "李**"
    assert mask_name("\u202e") == mask_name("\ufeff \u200b") == ""
    assert "\u202e" not in mask_name("\u202e\u202eA")


def test_ticker_wording_and_its_ten_minute_cutoff(qapp):
    signed = datetime(2026, 5, 1, 20, 0, tzinfo=UTC)
    row = CounterRow(5, "张三", signed, "普工")
    words = QtOverlayRenderer().ticker  # the app's wording, in the installed language
    at = lambda minutes: ticker_text(row, signed + timedelta(minutes=minutes), words)  # noqa: E731
    assert at(0) == at(1.9) == "张** just signed up for 普工"
    assert at(2) == "张** signed up 2 min ago for 普工"
    assert at(9.99) == "张** signed up 9 min ago for 普工"
    assert at(10) is None and at(600) is None
    assert at(-3) == "张** just signed up for 普工"  # a hub clock a little ahead
    assert ticker_text(CounterRow(0), signed, words) is None


def test_the_ticker_line_goes_when_the_newest_is_ten_minutes_old(onair, ctx, drawn):
    save(ctx)
    onair.take(CODE)
    later = [datetime.now(UTC)]
    onair.counter._now = lambda: later[0]
    onair.counter.refresh()
    assert drawn[-1][1] is not None
    later[0] += timedelta(minutes=3)
    wait_out(onair.counter)
    onair.counter.refresh()
    assert "3 min ago" in drawn[-1][1]
    later[0] += timedelta(minutes=7)
    wait_out(onair.counter)
    onair.counter.refresh()
    assert drawn[-1] == (1, None)


def test_nothing_changed_nothing_drawn_nothing_sent(onair, ctx, drawn):
    save(ctx)
    onair.take(CODE)
    link = onair.composer.link
    assert onair.counter.refresh().rendered
    sent = len(link.frames)
    for _ in range(5):
        wait_out(onair.counter)
        result = onair.counter.refresh()
        assert not result.rendered and not result.sent and result.again_in is None
    assert len(drawn) == 1 and len(link.frames) == sent


def test_a_burst_of_ten_sign_ups_is_drawn_at_most_twice_ending_with_the_last(
    onair, ctx, drawn, monkeypatch
):
    onair.take(CODE)
    onair.counter.refresh()
    wait_out(onair.counter)
    drawn.clear()
    # The counter's clock stands still through the burst: all ten fall in one throttle
    # window however slowly a loaded machine saves them.
    now = [time.monotonic()]
    monkeypatch.setattr(onair.counter, "_clock", lambda: now[0])
    again = None
    for n in range(10):  # each followed by a refresh (as the desk does)
        save(ctx, name=f"赵{n}")
        again = onair.counter.refresh().again_in or again
    assert again is not None  # the change inside the window waits, it is not dropped
    now[0] += again
    final = onair.counter.refresh()
    assert final.count == 10 and final.rendered
    assert len(drawn) <= 2
    assert drawn[-1] == (10, "赵** just signed up for 冰箱总装普工")
    assert onair.composer.link.frames[-1].counter_file == onair.current_frame().counter_file


def test_renders_are_never_closer_than_half_a_second(onair, ctx):
    now = [100.0]
    service = CounterService(onair, CounterReader(ctx.db).read, onair.renderer,
                             clock=lambda: now[0])  # fmt: skip
    onair.take(CODE)
    renders = []
    for step in range(40):  # a new sign-up every 0.1 s for 4 s
        save(ctx, name=f"钱{step}")
        if service.refresh().rendered:
            renders.append(now[0])
        now[0] += 0.1
    gaps = [b - a for a, b in itertools.pairwise(renders)]
    assert gaps and min(gaps) >= 0.5 - 1e-9
    assert len(renders) <= 9


def test_the_frame_carries_the_counter_and_clear_or_off_hides_it(onair, ctx):
    save(ctx)
    link = onair.composer.link
    onair.take(CODE)
    onair.counter.refresh()
    frame = link.frames[-1]
    assert frame.visible and frame.counter_visible
    assert frame.counter_file.name.endswith("-counter.png")
    assert frame.card_file == onair.on_air.card  # the whole frame, not the counter alone
    assert (frame.counter_at.x, frame.counter_at.y) == (onair.look.counter_box().x,
                                                        onair.look.counter_box().y)  # fmt: skip
    live = onair.folder / "live" / "counter.png"
    assert QImage(str(live)).size() == QImage(str(frame.counter_file)).size()

    onair.clear()
    assert not link.frames[-1].visible  # the whole overlay, counter included, off the screen
    assert QImage(str(live)).pixelColor(0, 0).alpha() == 0
    assert onair.counter.refresh().count is None  # nothing on air: nothing read

    onair.take(CODE)
    assert link.frames[-1].counter_file == frame.counter_file  # its last count at once
    settings = Settings()
    settings.overlay.show_counter = False
    onair.set_look(build_look(settings, onair.look.canvas))
    assert link.frames[-1].visible and not link.frames[-1].counter_visible
    assert onair.counter.refresh().count is None
    assert QImage(str(live)).pixelColor(0, 0).alpha() == 0


def test_a_job_taken_before_its_count_is_drawn_shows_a_blank_counter(onair, ctx):
    link = onair.composer.link
    onair.take("GE-001")
    frame = link.frames[-1]
    assert frame.counter_file == onair.blank_counter()
    assert QImage(str(frame.counter_file)).pixelColor(0, 0).alpha() == 0


def test_a_new_look_draws_the_counter_anew(onair, ctx, drawn):
    save(ctx)
    onair.take(CODE)
    onair.counter.refresh()
    onair.set_look(replace(onair.look, canvas=(1280, 720)))
    assert onair.counter_image(CODE) is None  # the old size is not shown on the new canvas
    wait_out(onair.counter)
    assert onair.counter.refresh().rendered
    image = QImage(str(onair.counter_image(CODE).file))
    assert image.height() == 104  # 156 reference px at 2/3
    assert onair.preview_image(onair.on_air, 640).width() == 640


def test_the_preview_shows_the_counter_where_obs_shows_it(onair, ctx):
    save(ctx)
    onair.take(CODE)
    without = onair.preview_image(onair.on_air, 1920)
    onair.counter.refresh()
    image = onair.preview_image(onair.on_air, 1920)
    at = onair.look.counter_box()
    counter = QImage(str(onair.counter_image(CODE).file))
    x, y = at.x + 40, at.y + counter.height() - 40
    assert image.pixelColor(x, y).alpha() > 200
    assert without.pixelColor(x, y).alpha() == 0
