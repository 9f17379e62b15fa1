"""Bounded waits for tests: on a condition or on a call returning, never on a sleep's luck.

The suite runs on a loaded 2-core machine, so a bound here is generous (a minute): it only
tells "it happens" from "it never happens" (a hang, a lost wake-up). How fast something
happens is a timing goal and is measured in bench/, not asserted here.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

GENEROUS = 60.0  # seconds: far beyond any real wait here, far short of "forever"

T = TypeVar("T")


def wait_until(
    predicate: Callable[[], object], timeout: float = GENEROUS, step: float = 0.02
) -> bool:
    """Poll `predicate` until it is true or `timeout` passes; returns its last answer as a bool."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return bool(predicate())


def finishes(
    function: Callable[..., T], *args: object, within: float = GENEROUS, **kwargs: object
) -> T:
    """Call `function` on a helper thread; its result, or its exception re-raised here.

    Fails the test if it is still running after `within` seconds: "returns instead of
    waiting forever" asserted without timing it (the thread is a daemon, left behind).
    """
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["result"] = function(*args, **kwargs)
        except BaseException as exc:  # handed back to the test as it was
            outcome["error"] = exc

    thread = threading.Thread(
        target=run, name=f"finishes-{getattr(function, '__name__', '?')}", daemon=True
    )
    thread.start()
    thread.join(within)
    assert not thread.is_alive(), f"{function!r} still running after {within:g} s"
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]  # type: ignore[return-value]
