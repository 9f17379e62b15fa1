"""`hostdesk --selftest`: proves an installation (or the frozen bundle) has what it needs."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def run() -> int:
    """Temporary data dir, demo catalogue, bundled resources, one rendered image; 0 if all good."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from hostdesk import app, i18n, resources
    from hostdesk.render.card import render_composite

    checks: list[tuple[str, bool, str]] = []
    qt_app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="hostdesk-selftest-") as tmp:
        ctx = app.build(Path(tmp))
        try:
            loaded = ctx.catalogue.load_demo_if_empty()
            jobs = ctx.jobs.list_jobs()
            checks.append(("demo catalogue", loaded and len(jobs) >= 15, f"{len(jobs)} jobs"))
            warnings = ctx.catalogue.lint(jobs)
            rules = len(ctx.catalogue.wordlists.rules)
            checks.append(
                ("word lists", rules >= 5, f"{rules} rule lists, {len(warnings)} warnings")
            )
            for lang in ("zh_CN", "en"):
                checks.append((f"translation {lang}", i18n.install(lang), str(i18n.qm_path(lang))))
            qt_zh = i18n.qt_qm_path("zh_CN")  # Qt's own buttons and wizard words
            checks.append(("Qt translation zh_CN", qt_zh is not None, str(qt_zh)))
            image = render_composite(jobs[0], f"https://example.invalid/j/{jobs[0].code}")
            out = Path(tmp) / "card.png"
            saved = image.save(str(out))
            size = out.stat().st_size if saved else 0
            checks.append(
                (
                    "render card",
                    saved and size > 2000,
                    f"{image.width()}x{image.height()}, {size} bytes",
                )
            )
        finally:
            ctx.close()
    checks.append(("resources", resources.root().is_dir(), str(resources.root())))
    del qt_app
    ok = all(passed for _, passed, _ in checks)
    for name, passed, detail in checks:
        print(f"{'ok  ' if passed else 'FAIL'} {name}: {detail}")
    print("selftest passed" if ok else "selftest FAILED")
    return 0 if ok else 1
