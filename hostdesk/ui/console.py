"""What the host console does, apart from how it looks: cue, take, next/previous, clear, rotate.

The window turns keys and clicks into these calls and shows the signals. Every take runs
on the one serial lane of `tasks` (takes must reach OBS in the order they were pressed);
the GUI thread only keeps the state and draws it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from hostdesk import messages
from hostdesk.core.compliance import LintWarning
from hostdesk.core.jobs import Job, JobStatus
from hostdesk.core.rundown import AutoRotate, Rundown
from hostdesk.services.onair import OnAirService, scannable
from hostdesk.ui import tasks

log = logging.getLogger(__name__)

PRERENDER_AHEAD = 3  # the next jobs of the rundown are drawn before they are needed
PREVIEW_WIDTH = 640


class Console(QObject):
    cued = Signal(str, object)  # code ("" = nothing), preview QImage or None
    taken = Signal(str, object)  # code on air, on-air QImage
    take_acknowledged = Signal(str, float)  # code, ms from the key press to OBS's answer
    cleared = Signal()
    refused = Signal(str)  # a message for the status bar: why nothing went on air
    warned = Signal(str)  # on air, but something is amiss (no QR code without a hub address)
    rotation_changed = Signal(bool)
    countdown_changed = Signal(str)

    def __init__(self, onair: OnAirService | None, parent=None):
        super().__init__(parent)
        self.onair = onair
        self.jobs: dict[str, Job] = {}
        self.warnings: dict[str, list[LintWarning]] = {}
        self.rundown = Rundown()
        self.cued_code = ""
        self.on_air_code = ""
        self.confirmed: set[str] = set()  # jobs with warnings the assistant chose to show
        # Asks the assistant about a job's warnings; the window gives a dialog, tests a stub.
        self.confirm: Callable[[Job, list[LintWarning]], bool] = lambda _job, _w: False
        self.rotation = AutoRotate()
        self._tick = QTimer(self)
        self._tick.setInterval(250)  # countdown shown in seconds; runs only while rotating
        self._tick.timeout.connect(self._on_tick_timeout)
        self._preview_seq = 0
        self._take_seq = 0

    # -- state from the window -----------------------------------------------------------

    def set_catalogue(self, jobs: list[Job], warnings: list[LintWarning]) -> None:
        self.jobs = {job.code: job for job in jobs}
        self.warnings = {}
        for w in warnings:
            self.warnings.setdefault(w.code, []).append(w)
        if self.cued_code:
            self.cue(self.cued_code)

    def set_rundown(self, codes: list[str]) -> None:
        self.rundown = Rundown(codes)
        self.prerender()

    # -- cue (preview) ---------------------------------------------------------------------

    def cue(self, code: str) -> None:
        """Show `code` in the preview, drawn exactly as OBS would show it."""
        self.cued_code = code
        self._preview_seq += 1
        seq, onair, job = self._preview_seq, self.onair, self.jobs.get(code)
        if onair is None or job is None:
            self.cued.emit(code if job else "", None)
            return

        def draw():
            return onair.preview_image(onair.render(job), PREVIEW_WIDTH)

        def show(image):
            if seq == self._preview_seq:  # an older preview finishing late is dropped
                self.cued.emit(code, image)

        tasks.run(draw, show, self._on_task_failed)

    def cue_slot(self, slot: int) -> str:
        code = self.rundown.slot(slot) or ""
        if code:
            self.cue(code)
        return code

    # -- take ------------------------------------------------------------------------------

    def take_cued(self) -> None:
        if self.cued_code:
            self.take(self.cued_code)
        else:
            self.refused.emit(self.tr("Nothing in the preview: pick a job or press 1–9 first"))

    def take_slot(self, slot: int) -> None:
        code = self.rundown.slot(slot)
        if code:
            self.take(code)
        else:
            self.refused.emit(self.tr("Slot {slot} of the rundown is empty").format(slot=slot))

    def take_next(self, step: int = 1) -> None:
        code = self._step(step)
        if code:
            self.take(code)
        else:
            self.refused.emit(self.tr("The rundown has no job that can go on air"))

    def take(self, code: str, *, manual: bool = True) -> bool:
        """Put `code` on air; False (with a message) when it may not go on air now."""
        pressed = time.perf_counter()
        job = self.jobs.get(code)
        if job is None:
            self.refused.emit(self.tr("Job {code} is not in the catalogue").format(code=code))
            return False
        if job.status == JobStatus.CLOSED:
            self.refused.emit(
                self.tr("{title} is closed and cannot go on air").format(title=job.title)
            )
            return False
        warnings = self.warnings.get(code, [])
        if warnings and code not in self.confirmed:
            if not manual or not self.confirm(job, warnings):
                self.refused.emit(
                    self.tr("{title} has compliance warnings: not taken").format(title=job.title)
                )
                return False
            self.confirmed.add(code)
        if manual and self.rotation.running:
            self.rotation.pause()
            self._tick.stop()
            self.rotation_changed.emit(False)
            self.countdown_changed.emit(self.tr("Auto-rotate paused by a manual take"))
        if self.onair is None:
            return False
        self._take_seq += 1
        seq, onair = self._take_seq, self.onair
        self.on_air_code = code

        def acked(_ok) -> None:
            self.take_acknowledged.emit(code, (time.perf_counter() - pressed) * 1000)

        def work():  # one task, so takes and clears are recorded in the order pressed
            rendered, future = onair.show(code)  # OBS is told before anything else
            if future is not None:
                tasks.when_done(future, acked)  # OBS's answer is watched from now on
            onair.record(rendered)
            return onair.preview_image(rendered, PREVIEW_WIDTH), scannable(rendered.url)

        def done(result):
            image, has_qr = result
            if seq == self._take_seq:
                self.taken.emit(code, image)
                if not has_qr:
                    self.warned.emit(self.tr(
                        "On air without a QR code: fill in the hub address in Settings"))  # fmt: skip
            self.prerender()

        tasks.run_serial(work, done, self._on_take_failed)
        return True

    def clear(self) -> None:
        """The panic key: the overlay leaves the screen now; rotation stops."""
        self._take_seq += 1
        self.on_air_code = ""
        if self.rotation.running:
            self.rotation.pause()
            self._tick.stop()
            self.rotation_changed.emit(False)
            self.countdown_changed.emit("")
        if self.onair is not None:
            onair = self.onair
            tasks.run_serial(onair.clear, lambda _future: self.cleared.emit(), self._on_task_failed)
        else:
            self.cleared.emit()

    # -- rotation --------------------------------------------------------------------------

    def set_rotation(self, on: bool, interval_s: int) -> None:
        if on:
            now = time.monotonic()
            self.rotation.start(now, interval_s)
            self._tick.start()
            if not self.on_air_code:
                self._rotate(now)
        else:
            self.rotation.stop()
            self._tick.stop()
            self.countdown_changed.emit("")
        self.rotation_changed.emit(on)

    def _takeable(self, code: str) -> bool:
        job = self.jobs.get(code)
        if job is None or job.status == JobStatus.CLOSED:
            return False
        # Rotation never asks: a job with unconfirmed warnings is skipped, not shown.
        return not self.warnings.get(code) or code in self.confirmed

    def _step(self, step: int) -> str:
        """The next (step 1) or previous (-1) takeable job from the one on air, wrapping round."""
        on_air = self.on_air_code or None
        if step > 0:
            return self.rundown.next_after(on_air, self._takeable) or ""
        return self.rundown.previous_before(on_air, self._takeable) or ""

    def _rotate(self, now: float) -> None:
        code = self.rotation.advance(now, self.rundown, self.on_air_code or None, self._takeable)
        if code:
            self.take(code, manual=False)

    def _on_tick_timeout(self) -> None:
        now = time.monotonic()
        if self.rotation.due(now):
            self._rotate(now)
        remaining = max(0, round(self.rotation.remaining(now)))
        self.countdown_changed.emit(self.tr("Next job in {seconds} s").format(seconds=remaining))

    # -- background work -------------------------------------------------------------------

    def prerender(self) -> None:
        """Draw the next jobs of the rundown now, so their takes render nothing."""
        if self.onair is None or not self.rundown.codes:
            return
        codes = list(self.rundown.codes)
        start = codes.index(self.on_air_code) + 1 if self.on_air_code in codes else 0
        ahead = (codes[start:] + codes[:start])[:PRERENDER_AHEAD]
        onair = self.onair
        tasks.run(lambda: onair.prerender(ahead), lambda _count: None, self._on_task_failed)

    def _on_take_failed(self, exc: Exception) -> None:
        self.on_air_code = ""
        self.refused.emit(self.tr("Could not put the job on air: {reason}").format(
            reason=messages.error_text(exc)))  # fmt: skip

    def _on_task_failed(self, exc: Exception) -> None:
        self.refused.emit(messages.error_text(exc))
