"""Child process for bench_catalogue: the real `launch()`, with a line printed at each step."""

from __future__ import annotations

import sys


def mark(phase: str, detail: object = "") -> None:
    print(f"{phase}\t{detail}", flush=True)  # the parent timestamps each line as it arrives


def main() -> int:
    # The same imports as `python -m hostdesk` with no arguments: cli -> app.run_gui -> ui.launch.
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from hostdesk import app, cli, config, i18n  # noqa: F401 - cli: as the entry point loads it
    from hostdesk.ui import launch

    mark("imported")
    # Wrap, never replace, the steps launch() takes, so the probe measures the real path.
    real_install, real_build = i18n.install, app.build
    real_init, real_load = launch.MainWindow.__init__, launch.MainWindow.load_catalogue

    def install(*args, **kwargs):
        result = real_install(*args, **kwargs)
        mark("qapp+i18n")
        return result

    def build(*args, **kwargs):
        result = real_build(*args, **kwargs)
        mark("store opened")
        return result

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        mark("window built")

    def load_catalogue(self, **kwargs):
        def on_loaded(count: int) -> None:
            mark("catalogue loaded", f"{count} {self.model.rowCount()}")
            QApplication.instance().quit()

        self.catalogue_loaded.connect(on_loaded)
        QTimer.singleShot(120_000, lambda: (mark("timeout"), QApplication.instance().exit(1)))
        real_load(self, **kwargs)  # launch() calls this right after show()
        QApplication.processEvents()  # the first expose and paint; the worker reads meanwhile
        mark("window shown", self.windowHandle().isExposed())

    i18n.install, app.build = install, build
    launch.MainWindow.__init__, launch.MainWindow.load_catalogue = init, load_catalogue
    return launch.launch(config.resolve_data_dir())  # HOSTDESK_DATA_DIR, set by the parent


if __name__ == "__main__":
    sys.exit(main())
