"""Child process for the start-up benches: the real `launch()`, with a line printed at each step.

"interactive" = the main window shown, the whole catalogue listed in its job list (the
model's rows counted) and tonight's session and rundown loaded (MainWindow.session_loaded):
the operator can pick and take jobs. The probe quits the app then. `--stay` keeps it running
(bench_console's idle measurement) and `--take-slot N` then takes rundown slot N once the
OBS link is connected, printing "acknowledged" when OBS has it.
"""

from __future__ import annotations

import argparse
import sys
import time


def mark(phase: str, detail: object = "") -> None:
    print(f"{phase}\t{detail}", flush=True)  # the parent timestamps each line as it arrives


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stay", action="store_true", help="keep running once interactive")
    parser.add_argument("--take-slot", type=int, default=0, help="with --stay: take this slot")
    args = parser.parse_args()

    # The same imports as `python -m hostdesk` with no arguments: cli -> ui.launch (-> app).
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from hostdesk import app, cli, config, i18n  # noqa: F401 - cli: as the entry point loads it
    from hostdesk.obs.link import LinkState
    from hostdesk.ui import launch

    mark("imported")
    # Wrap, never replace, the steps launch() takes, so the probe measures the real path.
    real_install, real_build = i18n.install, app.build
    real_init, real_load = launch.MainWindow.__init__, launch.MainWindow.load_catalogue
    done: set[str] = set()
    keep: list[QObject] = []  # the event filter, alive as long as the window

    class FirstPaint(QObject):
        """The window's first paint is when it is shown: launch() may start its reads before
        or after show(), so this, not a step of launch(), marks it."""

        def eventFilter(self, watched, event):  # Qt's name
            if event.type() == QEvent.Type.Paint and "paint" not in done:
                done.add("paint")
                mark("first paint")
                mark("window shown", watched.windowHandle().isExposed())
                mark("cpu window shown", f"{time.process_time():.3f}")
                step(watched, "shown")
            return False

    def step(window, what: str) -> None:
        done.add(what)
        if {"shown", "catalogue", "session"} <= done and "interactive" not in done:
            done.add("interactive")
            mark("interactive")
            # CPU seconds of the whole process (every thread) so far: on a shared machine the
            # wall clock carries everyone's load, this much less so.
            mark("cpu interactive", f"{time.process_time():.3f}")
            if args.stay:
                if args.take_slot:
                    take_when_connected(window)
            else:
                QApplication.instance().quit()

    def take_when_connected(window) -> None:
        def check() -> None:
            if window.obs_status.state == LinkState.CONNECTED:
                poll.stop()
                mark("connected")
                window.console.take_slot(args.take_slot)

        poll = QTimer(window)
        poll.timeout.connect(check)
        poll.start(100)
        window.console.take_acknowledged.connect(
            lambda code, ms: mark("acknowledged", f"{code} {ms:.1f}")
        )
        window.console.refused.connect(lambda text: mark("refused", text))

    def install(*a, **kw):
        result = real_install(*a, **kw)
        mark("qapp+i18n")
        return result

    def build(*a, **kw):
        result = real_build(*a, **kw)
        mark("store opened")
        return result

    def init(self, *a, **kw):
        real_init(self, *a, **kw)
        mark("window built")
        keep.append(FirstPaint(self))
        self.installEventFilter(keep[-1])
        self.session_loaded.connect(lambda _id: (mark("session loaded"), step(self, "session")))

    def load_catalogue(self, **kw):
        def on_loaded(count: int) -> None:
            mark("catalogue loaded", f"{count} {self.model.rowCount()}")
            step(self, "catalogue")

        self.catalogue_loaded.connect(on_loaded)
        if not args.stay:
            QTimer.singleShot(120_000, lambda: (mark("timeout"), QApplication.instance().exit(1)))
        real_load(self, **kw)

    i18n.install, app.build = install, build
    launch.MainWindow.__init__, launch.MainWindow.load_catalogue = init, load_catalogue
    return launch.launch(config.resolve_data_dir())  # HOSTDESK_DATA_DIR, set by the parent


if __name__ == "__main__":
    sys.exit(main())
