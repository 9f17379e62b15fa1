"""Screenshots of the host console for docs/images, in zh_CN and en (run under Xvfb).

A mock evening: a live session, five jobs in the rundown, one previewed, one on air.
OBS is not started here, so the status bar says so; the monitors show the real images.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from hostdesk import app, i18n
from hostdesk.core.registrations import RegistrationDraft
from hostdesk.ui import tasks
from hostdesk.ui.gc_guard import GuiThreadGarbageCollector
from hostdesk.ui.main_window import MainWindow
from hostdesk.ui.style import apply_console_style

OUT = Path(__file__).resolve().parent.parent / "docs" / "images"
# One job with wording the lint catches, so the warnings panel has something to show.
EXTRA = "编号,岗位,企业,地点,薪资,要求\nDEMO-X,包装工,示例食品厂,天津,5000-6000,限女性，保证高薪\n"
RUNDOWN = ["HX-001", "GE-002", "DEMO-X", "HX-002", "GE-001"]


def _settle(qt_app, until) -> None:
    while not until():
        qt_app.processEvents()
    tasks.wait_idle()
    for _ in range(30):
        qt_app.processEvents()


def _shoot(qt_app, ctx, language: str) -> None:
    i18n.install(language)
    window = MainWindow(
        ctx.catalogue, [], onair=app.build_onair(ctx), sessions=ctx.sessions,
        settings=ctx.settings, registrations=ctx.registrations,
    )  # fmt: skip
    window.resize(1440, 860)
    window.show()
    loaded, taken = [], []
    window.catalogue_loaded.connect(loaded.append)
    window.session_loaded.connect(loaded.append)
    window.console.taken.connect(lambda *args: taken.append(args))
    window.load_catalogue()
    window.load_session()
    _settle(qt_app, lambda: len(loaded) == 2)
    window.console.take("GE-002")
    _settle(qt_app, lambda: bool(taken))
    window.rundown_panel.select_row(2)  # DEMO-X: its warnings show on the preview
    window.rundown_panel.view.setFocus()
    _settle(qt_app, lambda: window.preview_view.image() is not None)
    window.grab().save(str(OUT / f"main_window_{language}.png"))
    # The sign-up desk: masked on screen by default, as the stream may capture the window.
    window.left_tabs.setCurrentIndex(1)
    listed = []
    window.registration_panel.recent.loaded.connect(listed.append)
    window.registration_panel.recent.refresh()
    _settle(qt_app, lambda: bool(listed))
    window.grab().save(str(OUT / f"registration_desk_{language}.png"))
    window.close()


def main() -> int:
    qt_app = QApplication(sys.argv[:1])
    GuiThreadGarbageCollector(qt_app)
    apply_console_style(qt_app)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        ctx = app.build(Path(tmp))
        ctx.settings.signup.hub_url = "https://hub.example.cn"
        ctx.catalogue.load_demo_if_empty()
        extra = Path(tmp) / "extra.csv"
        extra.write_text(EXTRA, encoding="utf-8")
        ctx.catalogue.import_file(extra)
        ctx.sessions.set_rundown(RUNDOWN)
        ctx.sessions.start("kuaishou", "青岛招聘直播间")
        for name, phone, code in (("张伟", "13812345678", "GE-002"), ("李娜", "15912345678", "HX-001"),
                                  ("王芳", "18612345678", "GE-002")):  # fmt: skip
            ctx.registrations.save(RegistrationDraft(job_code=code, name=name, phone=phone, age=28))
        for language in ("zh_CN", "en"):
            _shoot(qt_app, ctx, language)
        ctx.close()
    qt_app.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
