"""Tonight's running order (排单) of job codes, and the auto-rotation clock that walks it."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from enum import StrEnum

SLOTS = 9  # number keys 1-9 take the first nine jobs of the rundown
MIN_INTERVAL_S = 5.0
MAX_INTERVAL_S = 3600.0

# Which jobs may go on air (e.g. not closed): a predicate or a collection of codes.
Takeable = Callable[[str], bool] | Collection[str] | None


def _can_take(takeable: Takeable) -> Callable[[str], bool]:
    if takeable is None:
        return lambda _code: True
    if callable(takeable):
        return takeable
    return takeable.__contains__


class Rundown:
    """An ordered list of job codes without duplicates.

    Codes are kept even when their job is later closed or deleted from the catalogue:
    the list is the host's plan, and the caller decides what is takeable right now.
    """

    def __init__(self, codes: Iterable[str] = ()):
        self._codes: list[str] = []
        for code in codes:
            self.add(code)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self._codes)

    def __len__(self) -> int:
        return len(self._codes)

    def __iter__(self) -> Iterator[str]:
        return iter(tuple(self._codes))

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Rundown) and self._codes == other._codes

    def __repr__(self) -> str:
        return f"Rundown({self._codes!r})"

    def add(self, code: str, at: int | None = None) -> bool:
        """Insert `code` before index `at` (default: at the end); False if already listed."""
        if code in self._codes:
            return False
        if at is None:
            self._codes.append(code)
        else:
            # list.insert semantics: negative counts from the end, beyond the end appends.
            self._codes.insert(at, code)
        return True

    def remove(self, code: str) -> bool:
        if code not in self._codes:
            return False
        self._codes.remove(code)
        return True

    def move(self, src: int, dst: int) -> bool:
        """Move the item at index `src` so that it ends up at index `dst`; False if unchanged.

        `src` must be a valid index (IndexError otherwise); `dst` is clamped to the list,
        because a drag released below the last row means "last".
        """
        if not 0 <= src < len(self._codes):
            raise IndexError(f"no rundown item at {src}")
        dst = max(0, min(dst, len(self._codes) - 1))
        if src == dst:
            return False
        self._codes.insert(dst, self._codes.pop(src))
        return True

    def slot(self, n: int) -> str | None:
        """The code on number key `n` (1-9), or None when the rundown is shorter."""
        if not 1 <= n <= SLOTS:
            raise ValueError(f"slot {n} is outside 1-{SLOTS}")
        return self._codes[n - 1] if n <= len(self._codes) else None

    def index_of(self, code: str) -> int | None:
        try:
            return self._codes.index(code)
        except ValueError:
            return None

    def next_after(self, code: str | None, takeable: Takeable = None) -> str | None:
        """The next takeable code after `code`, wrapping round to the start.

        A code not in the rundown (or None: nothing on air) starts from the top. Returns
        `code` itself when it is the only takeable one, None when none is.
        """
        return self._step(code, +1, takeable)

    def previous_before(self, code: str | None, takeable: Takeable = None) -> str | None:
        """The takeable code before `code`, wrapping round to the end (see next_after)."""
        return self._step(code, -1, takeable)

    def _step(self, code: str | None, direction: int, takeable: Takeable) -> str | None:
        can_take = _can_take(takeable)
        count = len(self._codes)
        index = self.index_of(code) if code is not None else None
        if index is None:
            # Off the list: the first step lands on the first (or, backwards, the last) item.
            index = -1 if direction > 0 else count
        for step in range(1, count + 1):
            candidate = self._codes[(index + direction * step) % count]
            if can_take(candidate):
                return candidate
        return None


class RotateState(StrEnum):
    STOPPED = "stopped"
    RUNNING = "running"
    PAUSED = "paused"


class IntervalError(ValueError):
    """An auto-rotate interval outside the bounds; `reason` is a stable code for messages."""

    reason = "interval_out_of_range"

    def __init__(self, interval_s: float):
        super().__init__(
            f"auto-rotate interval {interval_s} s is outside {MIN_INTERVAL_S:g}-{MAX_INTERVAL_S:g} s"
        )
        self.interval_s = interval_s
        self.min_s = MIN_INTERVAL_S
        self.max_s = MAX_INTERVAL_S


def check_interval(interval_s: float) -> float:
    try:
        value = float(interval_s)
    except (TypeError, ValueError):
        raise IntervalError(interval_s) from None
    if not MIN_INTERVAL_S <= value <= MAX_INTERVAL_S:  # also refuses NaN
        raise IntervalError(interval_s)
    return value


class AutoRotate:
    """Auto-rotation as a pure state machine: each rundown job on air for N seconds.

    Time is passed in (monotonic seconds) rather than read, so the GUI drives it from
    a QTimer and tests drive it with plain numbers. A manual take pauses it: the host
    is talking about that job and must not be cut off. Resuming gives the job now on
    air a full interval, which is also what `remaining` shows while paused.
    """

    def __init__(self) -> None:
        self.state = RotateState.STOPPED
        self.interval_s = 0.0
        self._deadline = 0.0

    @property
    def running(self) -> bool:
        return self.state is RotateState.RUNNING

    @property
    def paused(self) -> bool:
        return self.state is RotateState.PAUSED

    def start(self, now: float, interval_s: float) -> None:
        """Start (or restart with a new interval); raises IntervalError out of bounds."""
        self.interval_s = check_interval(interval_s)
        self.state = RotateState.RUNNING
        self._deadline = now + self.interval_s

    def stop(self) -> None:
        self.state = RotateState.STOPPED

    def pause(self) -> None:
        if self.state is RotateState.RUNNING:
            self.state = RotateState.PAUSED

    def manual_take(self) -> None:
        """The host took a job by hand: rotation waits until resumed."""
        self.pause()

    def resume(self, now: float) -> None:
        if self.state is RotateState.PAUSED:
            self.state = RotateState.RUNNING
            self._deadline = now + self.interval_s

    def due(self, now: float) -> bool:
        return self.state is RotateState.RUNNING and now >= self._deadline

    def remaining(self, now: float) -> float:
        """Seconds left for the countdown: frozen at the full interval while paused, 0 stopped."""
        if self.state is RotateState.RUNNING:
            return max(0.0, self._deadline - now)
        if self.state is RotateState.PAUSED:
            return self.interval_s
        return 0.0

    def advance(
        self, now: float, rundown: Rundown, on_air: str | None, takeable: Takeable = None
    ) -> str | None:
        """The code to take next (closed jobs skipped), and the clock restarts from `now`.

        Counting from `now` rather than the old deadline: after a late tick or a sleeping
        laptop the next job still gets its full time instead of being skipped at once.
        None when nothing in the rundown is takeable (rotation keeps running, so it picks
        up again when a job reopens). Does nothing useful unless running.
        """
        if self.state is not RotateState.RUNNING:
            return None
        self._deadline = now + self.interval_s
        return rundown.next_after(on_air, takeable)
