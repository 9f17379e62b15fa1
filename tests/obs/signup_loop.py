"""The whole sign-up loop, wired for the end-to-end test and its bench: a real hub, the console
with its OBS link and sync worker, and what OBS's program output shows of the counter."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from PIL import Image, ImageChops, ImageStat

from hostdesk import app
from hostdesk.config import Settings, save_settings
from hostdesk.obs import ObsClient
from hostdesk.render.geometry import counter_geometry
from tests.hub.harness import HubProcess
from tests.obs.test_onair import program_screenshot
from tests.sync.pull_hub import job
from tests.ui import console_window

DEVICE = "studio-1"
CODE, TITLE = "HX-101", "冰箱总装普工"
# The console as launched, but its worker pulls at the usual slow pace unless a counter is on
# air: the loop must be fast because of pull_often, not because of a test setting.
SYNC = {
    "backoff_base": 0.05, "backoff_cap": 0.3, "idle_poll": 0.2, "connect_timeout": 1.0,
    "read_timeout": 5.0, "audit_interval": 3600.0, "pull_interval": 60.0,
}  # fmt: skip


@dataclass
class LoopHub:
    process: HubProcess
    device_token: str
    admin_token: str

    @property
    def url(self) -> str:
        return self.process.url


def start_hub(folder: Path, *page_args: str) -> LoopHub:
    """A hub on SQLite with one open job in its catalogue, a device token and an admin token."""
    process = HubProcess(f"sqlite:///{folder / 'hub.db'}", log_dir=folder, args=page_args)
    device, admin = process.token(DEVICE), process.token("office", admin=True)
    process.start()
    try:
        put = requests.put(
            process.url + "/api/v1/jobs",
            json={"jobs": [job(CODE, TITLE)]},
            headers={"Authorization": f"Bearer {admin}"},
            timeout=10,
        )
        assert put.status_code == 200, put.text
    except BaseException:
        process.stop()
        raise
    return LoopHub(process, device, admin)


@pytest.fixture
def loop_hub(tmp_path) -> Iterator[LoopHub]:
    """start_hub's hub, stopped after the test even when a later fixture fails at setup
    (a hub left running outlives the suite)."""
    hub = start_hub(tmp_path)
    yield hub
    hub.process.stop()


def desktop_settings(data: Path, hub: LoopHub, obs) -> None:
    settings = Settings()
    settings.signup.hub_url = hub.url
    settings.obs.url = f"ws://{obs.host}:{obs.port}"
    settings.obs.password = obs.password
    settings.overlay.scene_name = "HostDesk 叠加层 loop"
    settings.general.first_run_done = True
    save_settings(data, settings)


def wire_sync(win, ctx, hub: LoopHub) -> None:
    """The sync worker launch() gives the window, pointed at this hub with the device token."""

    def factory(_settings, on_status):
        return app.build_sync(ctx, on_status, hub_url=hub.url, hub_token=hub.device_token, **SYNC)

    console_window.wire_sync(win, ctx, factory)


def counter_region(client: ObsClient, look) -> Image.Image:
    """The counter's rectangle of OBS's program output, at canvas size (pixels 1:1)."""
    x, y, w, h = counter_geometry(look.layout, look.canvas, look.position)
    return program_screenshot(client, *look.canvas).crop((x, y, x + w, y + h))


def _on_black(png: Path, size: tuple[int, int]) -> Image.Image:
    """The counter image as OBS composites it over the test OBS's empty (black) program."""
    image = Image.open(png).convert("RGBA").crop((0, 0, *size))
    return Image.alpha_composite(Image.new("RGBA", size, (0, 0, 0, 255)), image).convert("RGB")


def _mean_difference(a: Image.Image, b: Image.Image, mask: Image.Image | None = None) -> float:
    return ImageStat.Stat(ImageChops.difference(a, b).convert("L"), mask).mean[0]


def distance(shown: Image.Image, counter_png: Path) -> float:
    """Mean difference (0-255) between OBS's pixels and a counter image, over the rectangle."""
    return _mean_difference(shown, _on_black(counter_png, shown.size))


def shows(shown: Image.Image, new_png: Path, old_png: Path) -> bool:
    """Whether OBS's pixels are the new counter image rather than the old one.

    Compared only where the two images differ (a digit, the ticker line): over the whole
    pill, "已报名 11 人" and "已报名 12 人" are nearly the same picture.
    """
    new, old = _on_black(new_png, shown.size), _on_black(old_png, shown.size)
    mask = ImageChops.difference(new, old).convert("L").point(lambda v: 255 if v > 40 else 0)
    if mask.getbbox() is None:
        return False  # the two look the same: nothing to tell them apart by
    return _mean_difference(shown, new, mask) * 3 < _mean_difference(shown, old, mask)


def open_page(url: str) -> tuple[requests.Session, dict]:
    """A viewer's phone opening the link without a browser: the session and the hidden fields."""
    session = requests.Session()
    page = session.get(url, timeout=10)
    assert page.status_code == 200, page.status_code
    return session, dict(
        re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page.text)
    )


def submit(session: requests.Session, url: str, hidden: dict, phone: str, name: str = "张伟",
           age: str = "28") -> requests.Response:  # fmt: skip
    """The form's POST, as the page sends it; the hub answers 303 to the success page."""
    fields = {**hidden, "name": name, "phone": phone, "age": age, "consent": "yes"}
    answer = session.post(
        url.split("?", 1)[0], data=fields, headers={"Origin": url.split("/j/", 1)[0]},
        timeout=10, allow_redirects=False,
    )  # fmt: skip
    assert answer.status_code == 303, (answer.status_code, answer.text[-500:])
    return answer
