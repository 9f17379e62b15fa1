"""End to end against a real OBS: the QR OBS shows decodes to the job's sign-up link."""

from __future__ import annotations

import base64
import contextlib
import io
import re
import subprocess
import sys
import time

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtGui import QImage

from hostdesk import app
from hostdesk.config import Settings, save_settings
from hostdesk.core.registrations import RegistrationDraft
from hostdesk.obs import ObsClient, ObsError
from hostdesk.obs.link import ObsLink
from hostdesk.obs.overlay import OverlayNames, apply, ensure
from hostdesk.render.onair_renderer import QtOverlayRenderer
from hostdesk.services.onair import OnAirService
from hostdesk.services.onair_look import build_look
from hostdesk.store.takes_repo import TakeRepository
from tests.conftest import ROOT
from tests.obs.obs_process import ObsProcess
from tests.waits import GENEROUS, wait_until

HUB = "https://hub.example.cn"


def program_screenshot(client: ObsClient, width: int, height: int) -> Image.Image:
    program = client.call("GetCurrentProgramScene")["currentProgramSceneName"]
    data = client.call(
        "GetSourceScreenshot",
        {"sourceName": program, "imageFormat": "png", "imageWidth": width, "imageHeight": height},
    )["imageData"]
    return Image.open(io.BytesIO(base64.b64decode(data.split(",", 1)[1]))).convert("RGB")


def decoded(image: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image)]


def streamed(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """What a viewer's phone gets: the program output downscaled and JPEG-compressed at q40."""
    buffer = io.BytesIO()
    image.resize(size, Image.Resampling.BILINEAR).save(buffer, "JPEG", quality=40)
    return Image.open(io.BytesIO(buffer.getvalue()))


def wait_for_qr(client, url: str, canvas, timeout=GENEROUS) -> Image.Image:
    deadline = time.monotonic() + timeout
    while True:
        shot = program_screenshot(client, *canvas)
        if url in decoded(shot) or time.monotonic() > deadline:
            return shot
        time.sleep(0.03)


@pytest.fixture
def data(tmp_path, monkeypatch):
    """A data dir with the demo catalogue and a hub URL, shared by the CLI child processes."""
    path = tmp_path / "data"
    settings = Settings()
    settings.signup.hub_url = HUB
    save_settings(path, settings)
    ctx = app.build(path)
    ctx.catalogue.load_demo_if_empty()
    yield ctx
    ctx.close()


def _names(n: str) -> OverlayNames:
    return OverlayNames(
        scene=f"HostDesk 叠加层 {n}", card=f"HostDesk 岗位卡 {n}", qr=f"HostDesk 二维码 {n}",
        counter=f"HostDesk 报名数 {n}",
    )  # fmt: skip


def _remove(client: ObsClient, names: OverlayNames) -> None:
    """Leave the shared OBS as we found it: other modules' tests run against it next."""
    program = client.call("GetCurrentProgramScene")["currentProgramSceneName"]
    for item in client.call("GetSceneItemList", {"sceneName": program})["sceneItems"]:
        if item["sourceName"] == names.scene:
            client.call(
                "RemoveSceneItem", {"sceneName": program, "sceneItemId": item["sceneItemId"]}
            )
    for name in names.images():
        with contextlib.suppress(ObsError):  # the counter is missing if nothing made it
            client.call("RemoveInput", {"inputName": name})
    client.call("RemoveScene", {"sceneName": names.scene})


def _run_cli(data, obs: ObsProcess, *args: str, password: str | None = None):
    return subprocess.run(
        [sys.executable, "-m", "hostdesk", "--data-dir", str(data.data_dir), "--lang", "en",
         "--obs-url", f"ws://{obs.host}:{obs.port}",
         # "=": a password may begin with "-" (token_urlsafe), which argparse would take
         # for an option when given as the next word.
         f"--obs-password={obs.password if password is None else password}", *args],
        capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=60,
    )  # fmt: skip


def test_cli_live_puts_the_right_qr_on_air(qapp, obs_running, data):
    check = _run_cli(data, obs_running, "obs", "check")
    assert check.returncode == 0, check.stderr
    assert "canvas 1920x1080" in check.stdout
    result = _run_cli(data, obs_running, "live", "HX-002")
    assert result.returncode == 0, result.stderr
    # The exact link is printed; no pull has told this PC its hub name yet: d= is empty.
    (url,) = re.findall(rf"{re.escape(HUB)}/j/HX-002\?s=\S*&d=(?=\s)", result.stdout)
    assert "Sign-up counter on air: 0 signed up" in result.stdout  # on by default
    with ObsClient(obs_running.host, obs_running.port, obs_running.password) as viewer:
        shot = wait_for_qr(viewer, url, (1920, 1080))
        assert url in decoded(shot)
        assert url in decoded(streamed(shot, (1280, 720)))
        cleared = _run_cli(data, obs_running, "clear")
        assert cleared.returncode == 0, cleared.stderr
        assert wait_until(lambda: decoded(program_screenshot(viewer, 1920, 1080)) == [])
        # The CLI's overlay (default names) would outlive this test nested in the program
        # scene; OBS then keeps a scene removed by a later test as an empty zombie.
        _remove(viewer, OverlayNames())
    takes = TakeRepository(data.db).list_takes()
    assert [(t.action, t.job_code) for t in takes] == [("take", "HX-002"), ("clear", None)]


def test_cli_errors_are_one_line(obs_running, data):
    for args, password, wanted in (
        (("live", "HX-001"), "wrong", "refused the password"),
        (("live", "NOPE"), None, "No job has the code NOPE"),
    ):
        result = _run_cli(data, obs_running, *args, password=password)  # bounded: 60 s
        assert result.returncode != 0
        assert wanted in result.stderr
        assert "Traceback" not in result.stderr


def _switching(client, service, names, jobs, canvas, rounds):
    frame = service.render(jobs[0]).frame()
    ensured = ensure(client, names, frame)
    wrong = []
    for i in range(rounds):
        code = jobs[i % len(jobs)].code
        rendered, _ = service.take(code)
        apply(client, names, rendered.frame(), ensured)
        shot = wait_for_qr(client, rendered.url, canvas)
        if rendered.url not in decoded(shot):
            wrong.append((i, code, decoded(shot)))
    return wrong


def test_fifty_switches_each_show_the_right_qr(qapp, obs_running, data):
    look = build_look(data.settings, (1920, 1080), session="S9")
    service = OnAirService(
        data.data_dir, data.jobs, TakeRepository(data.db), look, QtOverlayRenderer()
    )
    jobs = data.jobs.list_jobs()[:5]
    with ObsClient(obs_running.host, obs_running.port, obs_running.password) as client:
        assert _switching(client, service, _names("s50"), jobs, (1920, 1080), 50) == []
        _remove(client, _names("s50"))


def test_vertical_canvas_survives_the_stream(qapp, obs_server_vertical, data):
    obs = obs_server_vertical
    look = build_look(data.settings, (1080, 1920))
    service = OnAirService(
        data.data_dir, data.jobs, TakeRepository(data.db), look, QtOverlayRenderer()
    )
    job = data.jobs.get("HX-001")
    with ObsClient(obs.host, obs.port, obs.password) as client:
        video = client.video_settings()
        assert (video.base_width, video.base_height) == (1080, 1920)
        names = _names("v")
        rendered, _ = service.take(job.code)
        frame = rendered.frame()
        apply(client, names, frame, ensure(client, names, frame))
        shot = wait_for_qr(client, rendered.url, (1080, 1920))
        assert rendered.url in decoded(streamed(shot, (720, 1280)))
        # Nothing of ours in the bottom quarter or the right 15%, where phone apps draw.
        for path, at in ((rendered.card, rendered.card_at), (rendered.qr, rendered.qr_at)):
            image = QImage(str(path))
            assert at.y + image.height() <= 1920 * 0.75
            assert at.x + image.width() <= 1080 * 0.85


def _wait(predicate, timeout=GENEROUS):
    assert wait_until(predicate, timeout, step=0.05), "OBS did not get there in time"


def _counter_file(client: ObsClient, names: OverlayNames) -> str:
    answer = client.call("GetInputSettings", {"inputName": names.counter})
    return answer["inputSettings"].get("file", "")


def _counter_enabled(client: ObsClient, names: OverlayNames) -> bool:
    item = client.call("GetSceneItemId", {"sceneName": names.scene, "sourceName": names.counter})
    answer = client.call(
        "GetSceneItemEnabled", {"sceneName": names.scene, "sceneItemId": item["sceneItemId"]}
    )
    return answer["sceneItemEnabled"]


def _source_shot(client: ObsClient, source: str) -> QImage:
    shot = client.call(
        "GetSourceScreenshot", {"sourceName": source, "imageFormat": "png", "imageWidth": 640}
    )["imageData"]
    return QImage.fromData(base64.b64decode(shot.split(",", 1)[1]))


def _pill_in(image: QImage) -> bool:
    """The counter image as OBS has it: 640x156, its pill opaque low on the left."""
    if (image.width(), image.height()) != (640, 156):
        return False  # not loaded yet: OBS shoots an empty source as a square
    return image.pixelColor(60, 100).alpha() > 200 and image.pixelColor(630, 5).alpha() == 0


def test_the_counter_follows_sign_ups_the_switch_and_clear(qapp, obs_running, data):
    names = _names("counter")
    onair = app.build_onair(data, (1920, 1080), session="S7")
    obs = obs_running
    link = ObsLink(ObsClient(obs.host, obs.port, obs.password), names)
    link.start()
    onair.use_link(link)
    with ObsClient(obs.host, obs.port, obs.password) as viewer:
        try:
            _, future = onair.take("HX-001")
            future.result(timeout=15)
            onair.counter.refresh()
            first = onair.counter_image("HX-001")
            assert first.count == 0
            _wait(lambda: _counter_file(viewer, names) == str(first.file))
            assert _counter_enabled(viewer, names)
            # What OBS draws for our counter source is the pill, not an empty image.
            _wait(lambda: _pill_in(_source_shot(viewer, names.counter)))

            draft = RegistrationDraft(job_code="HX-001", name="张三", phone="13812345678", age=30)
            data.registrations.save(draft)
            time.sleep(0.6)  # the throttle's window
            onair.counter.refresh()
            second = onair.counter_image("HX-001")
            assert second.count == 1 and second.file != first.file
            _wait(lambda: _counter_file(viewer, names) == str(second.file))

            off = Settings()
            off.signup.hub_url, off.overlay.show_counter = HUB, False
            onair.set_look(build_look(off, (1920, 1080), "S7")).result(timeout=10)
            _wait(lambda: not _counter_enabled(viewer, names))
            on = Settings()
            on.signup.hub_url = HUB
            onair.set_look(build_look(on, (1920, 1080), "S7")).result(timeout=10)
            _wait(lambda: _counter_enabled(viewer, names))

            onair.clear().result(timeout=10)
            program = viewer.call("GetCurrentProgramScene")["currentProgramSceneName"]
            item = viewer.call("GetSceneItemId", {"sceneName": program, "sourceName": names.scene})
            shown = viewer.call(
                "GetSceneItemEnabled", {"sceneName": program, "sceneItemId": item["sceneItemId"]}
            )
            assert not shown["sceneItemEnabled"]  # the counter left the screen with the rest
        finally:
            link.stop()
            _remove(viewer, names)
