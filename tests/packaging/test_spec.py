"""build.spec's choices, read by running it against stand-ins for PyInstaller's build steps.

Fast (no bundle is built); tests/packaging/test_bundle.py proves the frozen result.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo

from tests.conftest import ROOT


def collected_datas() -> dict[str, str]:
    """What COLLECT receives as data files: bundle path -> source file."""
    collected: list = []

    class Analysis:
        def __init__(self, scripts, *, datas, **_options):
            # PyInstaller's table of contents: (path in the bundle, source, kind).
            self.datas = [(str(Path(dest) / Path(src).name), src, "DATA") for src, dest in datas]
            self.binaries, self.pure, self.scripts = [], [], scripts

    def collect(*parts, **_options):
        collected.extend(p for part in parts if isinstance(part, list) for p in part)

    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    namespace = {
        "SPECPATH": str(ROOT), "Analysis": Analysis, "PYZ": lambda *a, **k: None,
        "EXE": lambda *a, **k: None, "COLLECT": collect,
    }  # fmt: skip
    exec(compile(spec, "build.spec", "exec"), namespace)
    return {dest.replace("\\", "/"): src for dest, src, kind in collected if kind == "DATA"}


def test_qt_own_chinese_strings_are_bundled_beside_ours():
    datas = collected_datas()
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert Path(datas["resources/i18n/qtbase_zh_CN.qm"]) == qt_dir / "qtbase_zh_CN.qm"
    assert "resources/i18n/hostdesk_zh_CN.qm" in datas  # ours, where i18n.qm_path looks
    assert not [dest for dest in datas if dest.endswith(".ts")]
