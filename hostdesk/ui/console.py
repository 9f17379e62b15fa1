"""What the host console does, apart from how it looks: cue, take, next/previous, clear, rotate.

The window turns keys and clicks into these calls and shows the signals. A take goes to
OBS at once on the on-air service's own lane (`take_soon`: takes and clears reach OBS in
the order pressed, never behind a write), and is recorded afterwards on the writer lane of
`tasks`; the GUI thread only keeps the state and draws it.

The live sign-up counter is refreshed once a second on a worker while a job is on air and
the counter is on (sign-ups from other processes show within seconds), and at once after
a take, a save at the desk or a hub pull (`refresh_counter`). No timer runs otherwise.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from hostdesk import messages
from hostdesk.core import take_rules
from hostdesk.core.compliance import LintWarning
from hostdesk.core.hub_reach import PRIVATE
from hostdesk.core.jobs import Job
from hostdesk.core.rundown import AutoRotate, Rundown
from hostdesk.core.take_rules import Refusal, Verdict
from hostdesk.services.onair import OnAirService
from hostdesk.services.onair_restore import Restore, restore_left_on_air
from hostdesk.services.take_notes import Note, TakeNote, take_notes
from hostdesk.services.take_publish import TakePublishing
from hostdesk.ui import tasks

log = logging.getLogger(__name__)

PRERENDER_AHEAD = 3  # the next jobs of the rundown are drawn before they are needed
PREVIEW_WIDTH = 640
NO_ANSWER = "no answer"  # Console.take_answer when OBS's request for the take failed
COUNTER_POLL_MS = 1000  # a sign-up made anywhere is on screen within ~1-2 s


class Console(QObject):
    cued = Signal(str, object)  # code ("" = nothing), preview QImage or None
    taken = Signal(str, object)  # code on air, on-air QImage
    take_acknowledged = Signal(str, float)  # code, ms from the key press to OBS's answer
    take_unanswered = Signal(str)  # code: OBS's request for this take failed or timed out
    cleared = Signal()
    restored = Signal(str)  # code put back on air after a restart mid-show (after `taken`)
    refused = Signal(str)  # a message for the status bar: why nothing went on air
    warned = Signal(str)  # on air, but something is amiss (no QR code without a hub address)
    rotation_changed = Signal(bool)
    countdown_changed = Signal(str)
    counter_updated = Signal(str, object)  # code on air, on-air QImage with its new count
    counter_live = Signal(bool)  # the counter is being polled (on air and on), or no longer

    def __init__(self, onair: OnAirService | None, parent=None):
        super().__init__(parent)
        self.onair = onair
        self.jobs: dict[str, Job] = {}
        self.warnings: dict[str, list[LintWarning]] = {}
        self.rundown = Rundown()
        self.cued_code = ""
        self.on_air_code = ""
        # The codes in the hub's catalogue at the last pull (None: unknown, no pull yet).
        self.hub_codes: set[str] | None = None
        # Whether the hub has the job taken (services.take_publish; None: no hub link).
        self.take_publishing: TakePublishing | None = None
        self.hub_public_url = ""  # the address the hub says phones open (GET /api/v1/me)
        self.confirmed: set[str] = set()  # jobs with warnings the assistant chose to show
        # Asks the assistant about a job's warnings; the window gives a dialog, tests a stub.
        self.confirm: Callable[[Job, list[LintWarning]], bool] = lambda _job, _w: False
        self.rotation = AutoRotate()
        self._tick = QTimer(self)
        self._tick.setInterval(250)  # countdown shown in seconds; runs only while rotating
        self._tick.timeout.connect(self._on_tick_timeout)
        self._preview_seq = 0
        self._take_seq = 0
        # OBS's answer to the newest take: None (waiting), ms (acknowledged) or NO_ANSWER.
        # Kept here because OBS often answers before the take's bookkeeping is done.
        self.take_answer: float | str | None = None
        self._restore_answers: list | None = None  # see restore()
        self.counter = onair.counter if onair is not None else None
        self.counter_enabled = onair.look.counter if onair is not None else False
        self._counter_poll = QTimer(self)
        self._counter_poll.setInterval(COUNTER_POLL_MS)
        self._counter_poll.timeout.connect(self.refresh_counter)
        self._counter_again = QTimer(self)  # a change the throttle held back
        self._counter_again.setSingleShot(True)
        self._counter_again.timeout.connect(self.refresh_counter)
        self._counter_busy = False  # one refresh at a time: never a queue of them
        self._counter_pending: dict | None = None  # asked for while one ran: its options

    # -- state from the window -----------------------------------------------------------

    def _note_text(self, job: Job, note: TakeNote) -> str:
        """The words for what services.take_notes found about the code on air."""
        kind = note.note
        if kind is Note.NO_QR:
            return self.tr("On air without a QR code: fill in the hub address in Settings")
        if kind is Note.UNREACHABLE:
            if note.public:
                return self.tr(
                    "The code on air holds {address}, which viewers' phones cannot open; the hub says they open {public}: put it in Settings as the hub address"
                ).format(address=note.address, public=note.public)  # fmt: skip
            if note.reach == PRIVATE:
                return self.tr(
                    "The code on air holds {address}, an address of this local network: viewers of a public stream cannot open it. Put the hub's public address in Settings"
                ).format(address=note.address)  # fmt: skip
            return self.tr(
                "The code on air holds {address}: no viewer's phone can open it. Put the hub's public address in Settings"
            ).format(address=note.address)  # fmt: skip
        if kind is Note.HUB_CONFLICT:
            return self.tr(
                "{title} was changed on the hub and here: viewers see the hub's version until you choose one (Job conflicts)"
            ).format(title=job.title)  # fmt: skip
        if kind is Note.HUB_WITHDRAWN:
            return self.tr(
                "{title} was dropped from the hub's catalogue: viewers who scan the code see “job not found” until you keep it (it is then sent to the hub again) or close it"
            ).format(title=job.title)  # fmt: skip
        if kind is Note.HUB_PENDING:
            return self.tr(
                "{title} is being sent to the hub: the code on air works as soon as the hub has it"
            ).format(title=job.title)
        return self.tr(
            "{title} is not in the hub's catalogue: viewers who scan the code will see “job not found”. Ask the office to add it, or give the job its own sign-up link"
        ).format(title=job.title)  # fmt: skip

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
        answer = self._judge(code, manual=manual)  # core.take_rules: the one place they live
        if answer.verdict is Verdict.CONFIRM and self.confirm(job, list(answer.warnings)):
            self.confirmed.add(code)
        elif not answer.allowed:
            self.refused.emit(self._refusal_text(code, answer.reason or Refusal.UNCONFIRMED))
            return False
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
        self.take_answer = None

        def acked(_ok) -> None:
            ms = (time.perf_counter() - pressed) * 1000
            if seq == self._take_seq:
                self.take_answer = ms
            self.take_acknowledged.emit(code, ms)

        def unanswered(exc: Exception) -> None:  # the request's own timeout, not a GUI guess
            log.info("OBS did not acknowledge a take: %s", type(exc).__name__)
            if seq == self._take_seq:
                self.take_answer = NO_ANSWER
                self.take_unanswered.emit(code)

        publishing = self.take_publishing

        def shown(result) -> None:  # OBS was told; the record follows on the writer lane
            rendered, future = result
            if future is not None:
                tasks.when_done(future, acked, unanswered)  # OBS's answer is watched from now on

            def record():  # in the order shown, so takes and clears are recorded as pressed
                onair.record(rendered)
                # One local read; a job the hub lacks is sent by the sync worker, not here.
                copy = publishing.before_take(code) if publishing is not None else None
                return onair.preview_image(rendered, PREVIEW_WIDTH), rendered.url, copy

            tasks.run_serial(record, done, self._on_take_failed)

        def done(result):
            image, url, copy = result
            if seq == self._take_seq:
                self.taken.emit(code, image)
                self._update_counter_poll()
                self.refresh_counter()  # the new job's count, now
                notes = take_notes(job, url, onair.look.hub, copy, self.hub_codes,
                                   self.hub_public_url)  # fmt: skip
                for note in notes:
                    self.warned.emit(self._note_text(job, note))
            self.prerender()

        # Only the service and the code go to the take's lane: no Qt object rides along.
        tasks.when_done(onair.take_soon(code), shown, self._on_take_failed)
        return True

    def restore(self, session_id: str) -> None:
        """After a quit or a crash mid-show: the job left on air in the live show goes back
        on air (not recorded again: its span never ended). A job closed or dropped from the
        hub's catalogue meanwhile stays off air, and the status bar says so."""
        onair, publishing, jobs = self.onair, self.take_publishing, dict(self.jobs)
        if onair is None or not session_id:
            return
        seq = self._take_seq
        # Frames OBS answers while the restore is under way (the link built meanwhile sends
        # one on the take's lane): kept, to confirm the restored job once it is on air here.
        self._restore_answers = []

        def work():
            outcome = restore_left_on_air(onair, session_id, jobs, publishing)
            image = None
            if outcome.kind is Restore.RESTORED:
                image = onair.preview_image(outcome.rendered, PREVIEW_WIDTH)
            return outcome, image

        def done(result):
            outcome, image = result
            answers, self._restore_answers = self._restore_answers or [], None
            if outcome.kind is Restore.NOTHING or seq != self._take_seq:  # a take since stands
                return
            code = outcome.code
            title = jobs[code].title if code in jobs else code
            if outcome.kind is Restore.REFUSED:
                self.refused.emit(self._restore_refusal_text(title, outcome.refusal))
            elif outcome.kind is Restore.WITHDRAWN:
                self.refused.emit(self.tr(
                    "{title} was on air before the restart but the hub dropped it: not put back on air"
                ).format(title=title))  # fmt: skip
            else:
                self.on_air_code = code
                self.taken.emit(code, image)
                self.restored.emit(code)
                # OBS's answer to the restored frame confirms it; without a link then, the
                # answer to the first frame the new link sent for it does.
                for answer in [outcome.answer] if outcome.answer is not None else answers:
                    self.watch_answer(answer)
                self._update_counter_poll()
                self.refresh_counter()
                self.prerender()

        def failed(exc: Exception) -> None:
            self._restore_answers = None
            self._on_task_failed(exc)

        tasks.run_serial(work, done, failed)

    def watch_answer(self, future) -> None:
        """A frame sent for the job already on air (the link built after a restore, a new
        look): when the take's own answer never came (restored before OBS was linked), OBS's
        answer to this frame confirms the on-air line."""
        if future is not None and self._restore_answers is not None and not self.on_air_code:
            self._restore_answers.append(future)  # the restored job is not on air here yet
            return
        if future is None or not self.on_air_code or self.take_answer is not None:
            return
        seq, code, sent = self._take_seq, self.on_air_code, time.perf_counter()

        def acked(_ok) -> None:
            if seq == self._take_seq and self.take_answer is None:
                self.take_answer = (time.perf_counter() - sent) * 1000
                self.take_acknowledged.emit(code, self.take_answer)

        def unanswered(exc: Exception) -> None:
            log.info("OBS did not acknowledge the on-air frame: %s", type(exc).__name__)
            if seq == self._take_seq and self.take_answer is None:
                self.take_answer = NO_ANSWER
                self.take_unanswered.emit(code)

        tasks.when_done(future, acked, unanswered)

    def clear(self) -> None:
        """The panic key: the overlay leaves the screen now; rotation stops."""
        self._take_seq += 1
        self.on_air_code = ""
        self.take_answer = None
        self._update_counter_poll()
        if self.rotation.running:
            self.rotation.pause()
            self._tick.stop()
            self.rotation_changed.emit(False)
            self.countdown_changed.emit("")
        if self.onair is not None:
            onair = self.onair

            def hidden(_future) -> None:  # OBS told on the take's lane; now the record
                tasks.run_serial(onair.record_clear, lambda _r: self.cleared.emit(),
                                 self._on_task_failed)  # fmt: skip

            tasks.when_done(onair.clear_soon(), hidden, self._on_task_failed)
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

    def _judge(self, code: str, *, manual: bool) -> take_rules.TakeAnswer:
        return take_rules.judge(self.jobs.get(code), self.warnings.get(code, ()),
                                confirmed=code in self.confirmed, manual=manual)  # fmt: skip

    def _refusal_text(self, code: str, reason: Refusal) -> str:
        job = self.jobs.get(code)
        if reason is Refusal.UNKNOWN or job is None:
            return self.tr("Job {code} is not in the catalogue").format(code=code)
        if reason is Refusal.CLOSED:
            return self.tr("{title} is closed and cannot go on air").format(title=job.title)
        return self.tr("{title} has compliance warnings: not taken").format(title=job.title)

    def _restore_refusal_text(self, title: str, reason: Refusal | None) -> str:
        if reason is Refusal.UNKNOWN:
            return self.tr(
                "{title} was on air before the restart but is no longer in the catalogue: "
                "not put back on air"
            ).format(title=title)
        return self.tr(
            "{title} was on air before the restart but is closed now: not put back on air"
        ).format(title=title)

    def _takeable(self, code: str) -> bool:
        # Rotation never asks: a job with unconfirmed warnings is skipped, not shown.
        return self._judge(code, manual=False).allowed

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

    # -- the live sign-up counter ----------------------------------------------------------

    def set_counter_enabled(self, on: bool) -> None:
        """The counter switched on or off (the overlay's frame is redrawn by set_look)."""
        changed = on != self.counter_enabled
        self.counter_enabled = on
        self._update_counter_poll()
        if changed:  # the on-air monitor shows the counter, or no longer does
            self.refresh_counter(after_writes=True, redraw=True)

    @property
    def counter_polling(self) -> bool:
        return self._counter_poll.isActive()

    def _update_counter_poll(self) -> None:
        live = self.counter is not None and self.counter_enabled and bool(self.on_air_code)
        if live == self._counter_poll.isActive():
            return
        if live:
            self._counter_poll.start()
        else:
            self._counter_poll.stop()
            self._counter_again.stop()
        self.counter_live.emit(live)  # e.g. the hub is asked for sign-ups more often

    def refresh_counter(self, *, after_writes: bool = False, redraw: bool = False) -> None:
        """Bring the counter up to date on a worker (query, and a render if it changed).

        `after_writes`: on the take's lane, behind a new look (the switch) still on its
        way to OBS; otherwise on the pool, so the desk's saves never wait for a render.
        `redraw`: the on-air monitor is drawn again even if the count did not change.
        """
        counter, onair = self.counter, self.onair
        if counter is None or not self.on_air_code or not (self.counter_enabled or redraw):
            return
        if self._counter_busy:  # once the running one is back
            pending = self._counter_pending or {"after_writes": False, "redraw": False}
            self._counter_pending = {"after_writes": pending["after_writes"] or after_writes,
                                     "redraw": pending["redraw"] or redraw}  # fmt: skip
            return
        self._counter_busy = True

        def work():
            result = counter.refresh()
            on_air = onair.on_air
            image = None
            if on_air is not None and (redraw or result.sent or result.rendered):
                image = onair.preview_image(on_air, PREVIEW_WIDTH)
            return result.again_in, on_air.code if on_air else "", image

        if after_writes:  # behind the new look on the take's lane
            tasks.when_done(onair.after_frames(work), self._on_counter_refreshed,
                            self._on_counter_failed)  # fmt: skip
        else:
            tasks.run(work, self._on_counter_refreshed, self._on_counter_failed)

    def _on_counter_refreshed(self, result) -> None:
        again_in, code, image = result
        self._counter_busy = False
        if image is not None and code and code == self.on_air_code:
            self.counter_updated.emit(code, image)
        if self._counter_pending is not None:
            pending, self._counter_pending = self._counter_pending, None
            self.refresh_counter(**pending)
        elif again_in is not None and self.counter_enabled and self.on_air_code:
            self._counter_again.start(max(1, round(again_in * 1000)))

    def _on_counter_failed(self, exc: Exception) -> None:
        self._counter_busy = False
        self._counter_pending = None
        log.warning("the sign-up counter could not be refreshed: %s", type(exc).__name__)

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
        self._update_counter_poll()
        self.refused.emit(self.tr("Could not put the job on air: {reason}").format(
            reason=messages.error_text(exc)))  # fmt: skip

    def _on_task_failed(self, exc: Exception) -> None:
        self.refused.emit(messages.error_text(exc))
