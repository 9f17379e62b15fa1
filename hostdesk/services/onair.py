"""Putting a job on air: cached card and QR images, the output folder, the record, and OBS.

The live sign-up counter (services/counter.py) renders its own images and hands them in
through `show_counter`; every frame OBS gets is built by the composer
(services/onair_composer.py), the one owner of the job on air and the only caller of the
OBS link, on the take's own lane. The record follows on the store's writer lane.

Images are content-addressed: a job whose card would look the same is never rendered
twice, and a file OBS reads never changes under it (each look has its own file). The
same images are also copied to `<data dir>/overlay/live/` under fixed names, for anyone
who points an OBS image source at them by hand, or has no OBS connection configured.

Employer logos are files, not catalogue fields: `<data dir>/logos/<employer name>.png`
(or .jpg). A logo belongs to the employer, not to each of its jobs, and a sheet cell is no
place for an image; the logo's bytes are part of the cache key, so replacing one shows.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from concurrent.futures import Future
from pathlib import Path

from hostdesk.core import take_rules
from hostdesk.core.jobs import Job
from hostdesk.core.look import CounterImage, Look, OverlayFrame
from hostdesk.core.signup_link import scannable, signup_url
from hostdesk.core.take_rules import Refusal
from hostdesk.fileio import atomic_write_bytes
from hostdesk.obs.link import ObsLink
from hostdesk.services.counter import CounterService, ReadCounter
from hostdesk.services.onair_composer import Composer, Rendered
from hostdesk.services.onair_renderer import OverlayRenderer
from hostdesk.store.jobs_repo import JobRepository
from hostdesk.store.takes_repo import TakeRepository

log = logging.getLogger(__name__)

OUTPUT_DIR = "overlay"
LOGO_DIR = "logos"
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")
# Bump when the renderer's output changes for the same input, so old cache files are unused.
RENDER_VERSION = 1
PREVIEWS_KEPT = 12


class UnknownJob(LookupError):
    def __init__(self, code: str):
        super().__init__(f"no job with code {code!r}")
        self.code = code


class JobClosed(ValueError):
    """A closed job is no longer recruiting: putting it on air would collect dead sign-ups."""

    def __init__(self, code: str):
        super().__init__(f"job {code!r} is closed")
        self.code = code


class OnAirService:
    def __init__(
        self,
        data_dir: Path,
        jobs: JobRepository,
        takes: TakeRepository,
        look: Look,
        renderer: OverlayRenderer,
        link: ObsLink | None = None,
        read_counter: ReadCounter | None = None,
    ):
        """`renderer` draws (render/onair_renderer.QtOverlayRenderer in the app);
        `read_counter` reads a job's sign-ups for the live counter (none: no counter)."""
        self.folder = data_dir / OUTPUT_DIR
        self._cache = self.cache_dir = self.folder / "cache"
        self._live = self.folder / "live"
        self.logos = data_dir / LOGO_DIR  # made here so the user finds where logos go
        for folder in (self._cache, self._live, self.logos):
            folder.mkdir(parents=True, exist_ok=True)
        self._jobs, self._takes = jobs, takes
        self.renderer = renderer
        # The job on air, the counters, the look and the OBS link: the composer owns them.
        self.composer = Composer(look, self.blank_counter, link)
        self._previews: dict = {}  # (rendered, width, canvas) -> QImage, oldest first
        self._previews_lock = threading.Lock()  # previews and takes run on different threads
        # The live sign-up counter: it hands its images in through `show_counter`.
        self.counter = CounterService(self, read_counter, renderer) if read_counter else None

    @property
    def look(self) -> Look:
        return self.composer.look

    @look.setter
    def look(self, look: Look) -> None:
        self.composer.look = look

    @property
    def on_air(self) -> Rendered | None:
        """The job on air (the composer's), or None."""
        return self.composer.on_air

    # -- the take's lane: OBS is told here, at once and in order ---------------------------

    def take_soon(self, code: str) -> Future:
        """`show(code)` on the take's lane; resolves to (rendered, OBS's future or None).
        The caller records the take afterwards (`record`, on the store's writer lane)."""
        return self.composer.submit(self.show, code)

    def clear_soon(self) -> Future:
        """`hide()` on the take's lane; resolves to OBS's future (or None). The caller then
        records the clear (`record_clear`, on the writer lane)."""
        return self.composer.submit(self.hide)

    def look_soon(self, look: Look) -> Future:
        """`set_look(look)` on the take's lane, in order with takes and clears."""
        return self.composer.submit(self.set_look, look)

    def restore_soon(self, code: str) -> Future:
        """`restore(code)` on the take's lane, unless a take or a clear came first (None)."""
        return self.composer.submit(self._restore_if_off_air, code)

    def after_frames(self, fn) -> Future:
        """`fn()` on the take's lane, after the frames asked for before it (e.g. a counter
        refresh behind a new look). `fn` must hold plain service objects, never Qt ones."""
        return self.composer.submit(fn)

    def lane_idle(self, timeout: float = 10.0) -> bool:
        """For shutdown and tests: True once everything asked of the take's lane is done."""
        return self.composer.lane_idle(timeout)

    def logo_file(self, company: str) -> Path | None:
        """The employer's logo file, if the user put one in the logos folder."""
        name = company.strip()
        if not name or any(ch in name for ch in '/\\:*?"<>|') or name.startswith("."):
            return None  # not a possible file name: no logo, rather than a path outside
        for suffix in LOGO_SUFFIXES:
            path = self.logos / f"{name}{suffix}"
            if path.is_file():
                return path
        return None

    def _key(self, job: Job, url: str, logo: bytes) -> str:
        material = json.dumps(
            [RENDER_VERSION, job.to_json(), job.highlights, self.look.layout.value,
             self.look.theme, list(self.look.canvas), url, hashlib.sha256(logo).hexdigest(),
             self.renderer.language()],
            ensure_ascii=False, sort_keys=True,
        )  # fmt: skip
        return hashlib.sha256(material.encode("utf-8")).hexdigest()[:24]

    def render(self, job: Job) -> Rendered:
        """The job's images, from the cache when this look was rendered before."""
        return self._render(job)[0]

    def _render(self, job: Job) -> tuple[Rendered, bool]:
        look = self.look
        url = signup_url(job, look.url_template, look.hub, look.session, look.device)
        logo_path = self.logo_file(job.company)
        logo = logo_path.read_bytes() if logo_path else b""
        key = self._key(job, url, logo)
        card, qr = self._cache / f"{key}-card.png", self._cache / f"{key}-qr.png"
        fresh = not (card.exists() and qr.exists())
        if fresh:
            # A link a phone cannot open (no hub address yet) gets a transparent tile.
            card_png, qr_png = self.renderer.overlay(job, url, look, logo, scannable(url))
            atomic_write_bytes(qr, qr_png)
            atomic_write_bytes(card, card_png)  # last: its presence marks "complete"
        return Rendered(job.code, url, card, qr, *look.boxes()), fresh

    def prerender(self, codes: list[str]) -> int:
        """Render the next jobs of the rundown ahead of time; returns how many were new."""
        jobs = (self._jobs.get(code) for code in codes)
        return sum(self._render(job)[1] for job in jobs if job is not None)

    def take(self, code: str) -> tuple[Rendered, Future | None]:
        """Put `code` on air: `show`, then `record`. Returns the future OBS acknowledges."""
        rendered, future = self.show(code)
        self.record(rendered)
        return rendered, future

    def show(self, code: str) -> tuple[Rendered, Future | None]:
        """Images ready and OBS told; the future resolves when OBS acknowledged (None
        without an OBS link). The console watches it at once, then calls `record`:
        the record and the copies (two fsyncs and a commit, ~20 ms) run while OBS
        applies the change, not before it.
        """
        job = self._jobs.get(code)
        reason = take_rules.refusal(job)  # asked again here: the job may have closed since
        if reason is Refusal.UNKNOWN:
            raise UnknownJob(code)
        if reason is Refusal.CLOSED:
            raise JobClosed(code)
        rendered = self.render(job)
        return rendered, self.composer.put_on_air(rendered)

    def left_on_air(self, session: str) -> str | None:
        """The job a quit or a crash left on air in `session` (None: none, or it was cleared)."""
        return self._takes.on_air_in(session) if session else None

    def _restore_if_off_air(self, code: str):
        if self.on_air is not None:  # a take came first: it stands
            return None
        return self.restore(code)

    def restore(self, code: str) -> tuple[Rendered, Future | None]:
        """Put back on air the job a quit or a crash left there: OBS and the live copies made
        to match, and no new take recorded (its on-air span is still the open one)."""
        rendered, future = self.show(code)
        self._copy_live(rendered)
        counter = self.counter_image(rendered.code)
        self.write_live_counter(counter.file if counter and self.look.counter else None)
        return rendered, future

    def record(self, rendered: Rendered) -> None:
        """The take in the record, and the live copies for hand-made OBS image sources."""
        self._takes.record("take", rendered.code, self.look.session or None)
        self._copy_live(rendered)
        counter = self.counter_image(rendered.code)
        self.write_live_counter(counter.file if counter and self.look.counter else None)

    def _copy_live(self, rendered: Rendered) -> None:
        atomic_write_bytes(self._live / "qr.png", rendered.qr.read_bytes())
        atomic_write_bytes(self._live / "card.png", rendered.card.read_bytes())

    def clear(self) -> Future | None:
        """Take the overlay off air: `hide`, then `record_clear`."""
        future = self.hide()
        self.record_clear()
        return future

    def hide(self) -> Future | None:
        """OBS told to hide the overlay (see Composer.take_off_air)."""
        return self.composer.take_off_air()

    def record_clear(self) -> None:
        """The clear in the record; the live copies emptied to transparent images."""
        self._takes.record("clear", None, self.look.session or None)
        for name in ("card.png", "qr.png", "counter.png"):
            atomic_write_bytes(self._live / name, self.renderer.blank())

    def hidden_frame(self) -> OverlayFrame:
        """Nothing on air: OBS gets our sources, placed for this look, and hidden."""
        return self.composer.hidden_frame()

    def frame(self, rendered: Rendered, visible: bool = True) -> OverlayFrame:
        """The whole frame for `rendered` (see Composer.frame)."""
        return self.composer.frame(rendered, visible)

    def current_frame(self) -> OverlayFrame:
        """What OBS should show now (the CLI sends it once the counter is drawn)."""
        return self.composer.current_frame()

    def counter_image(self, code: str) -> CounterImage | None:
        """The newest counter drawn for `code` in the current look, if any."""
        return self.composer.counter_image(code)

    def counter_anchor(self) -> tuple[bool, bool]:
        """(right, top) for render_counter in the current look."""
        return self.look.counter_anchor()

    def show_counter(self, image: CounterImage) -> Future | None:
        """A new counter image for its job; OBS is told when that job is on air."""
        return self.composer.show_counter(image)

    def blank_counter(self) -> Path:
        """A transparent image for a counter not drawn yet (written once, never changed)."""
        path = self._cache / "counter-blank.png"
        if not path.exists():
            atomic_write_bytes(path, self.renderer.blank())
        return path

    def write_live_counter(self, file: Path | None) -> None:
        """The hand-made OBS sources' copy: `file`'s image, or transparent (None)."""
        data = file.read_bytes() if file is not None else self.renderer.blank()
        atomic_write_bytes(self._live / "counter.png", data)

    def use_link(self, link: ObsLink | None) -> None:
        """Connect to OBS later (the link is made once settings and keyring are read)."""
        self.composer.link = link

    def set_look(self, look: Look) -> Future | None:
        """A new canvas or new settings: the job on air is drawn again for the new look."""
        before = self.on_air

        def redraw(code: str) -> Rendered | None:
            job = self._jobs.get(code)
            return self.render(job) if job is not None else None

        # Drawn again with or without OBS: the live files and the link shown in the console
        # follow the new look (e.g. the hub's name for this PC in the link).
        future, redrawn = self.composer.change_look(look, redraw)
        if redrawn is not None and redrawn != before:
            self._copy_live(redrawn)
        return future

    def preview_image(self, rendered: Rendered | None, width: int = 640):
        """The canvas as OBS will show it, scaled to `width` pixels: for the console's panels.

        Kept for the last few looks: the job in the preview is usually the next one taken.
        """
        counter = self.counter_image(rendered.code) if rendered and self.look.counter else None
        key = (rendered, width, self.look.canvas, counter)
        with self._previews_lock:
            image = self._previews.pop(key, None)
            if image is None:
                image = self._draw_preview(rendered, width, counter)
            self._previews[key] = image  # newest last
            while len(self._previews) > PREVIEWS_KEPT:
                self._previews.pop(next(iter(self._previews)))
        return image

    def _draw_preview(self, rendered: Rendered | None, width: int, counter: CounterImage | None):
        layers = []
        if rendered is not None:
            layers = [(rendered.card_at, rendered.card), (rendered.qr_at, rendered.qr)]
            if counter is not None:
                layers.append((self.look.counter_box(), counter.file))
        return self.renderer.preview(self.look.canvas, width, layers)
