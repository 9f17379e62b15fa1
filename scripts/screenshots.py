"""Screenshots of the catalogue window for docs/images, in zh_CN and en (run under Xvfb)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from hostdesk import app, i18n
from hostdesk.ui.gc_guard import GuiThreadGarbageCollector
from hostdesk.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent.parent / "docs" / "images"
# One job with wording the lint catches, so the warnings panel has something to show.
EXTRA = "编号,岗位,企业,地点,薪资,要求\nDEMO-X,包装工,示例食品厂,天津,5000-6000,限女性，保证高薪\n"


def main() -> int:
    qt_app = QApplication(sys.argv[:1])
    GuiThreadGarbageCollector(qt_app)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        ctx = app.build(Path(tmp))
        ctx.catalogue.load_demo_if_empty()
        extra = Path(tmp) / "extra.csv"
        extra.write_text(EXTRA, encoding="utf-8")
        ctx.catalogue.import_file(extra)
        for language in ("zh_CN", "en"):
            i18n.install(language)
            window = MainWindow(ctx.catalogue, [])
            window.resize(1280, 720)
            window.show()
            loaded = []
            window.catalogue_loaded.connect(loaded.append)
            window.load_catalogue()
            while not loaded:
                qt_app.processEvents()
            window.table.selectRow(window.proxy.rowCount() - 1)
            for _ in range(20):
                qt_app.processEvents()
            window.grab().save(str(OUT / f"main_window_{language}.png"))
            window.close()
        ctx.close()
    qt_app.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
