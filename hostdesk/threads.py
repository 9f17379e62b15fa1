"""Background threads yield the CPU: a broadcast PC is busy encoding, and the GUI comes first."""

from __future__ import annotations

import logging
import os
import sys
import threading

log = logging.getLogger(__name__)


def lower_priority() -> None:
    """Lower the calling thread's OS priority (call it first thing in a background thread).

    On a busy PC the GUI thread otherwise waits its turn behind workers for the CPU (and
    then for Python's lock): previews, pre-rendering and sync are never more urgent than
    a key, nor than OBS's encoder.
    """
    try:
        if sys.platform == "win32":
            import ctypes

            kernel32 = ctypes.windll.kernel32
            kernel32.SetThreadPriority(kernel32.GetCurrentThread(), -1)  # BELOW_NORMAL
        elif sys.platform.startswith("linux"):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)  # per thread
    except (OSError, AttributeError):
        log.info("could not lower a background thread's priority")
