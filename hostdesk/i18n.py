"""Qt's translation system for every user-facing string, in the GUI and on the command line."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from hostdesk import resources

DEFAULT_LANGUAGE = "zh_CN"
_installed: list[QTranslator] = []  # keep references: Qt does not own them


def qm_path(language: str) -> Path:
    return resources.root() / "i18n" / f"hostdesk_{language}.qm"


def qt_qm_path(language: str) -> Path | None:
    """Qt's own strings (dialog buttons, the wizard's Next/Back) for `language`, if found.

    The bundle carries qtbase_<language>.qm among our resources (build.spec); a checkout
    uses the copy that ships with PySide6.
    """
    name = f"qtbase_{language}.qm"
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for candidate in (resources.root() / "i18n" / name, qt_dir / name):
        if candidate.is_file():
            return candidate
    return None


def load(language: str) -> QTranslator | None:
    """Our translator for `language`, loaded but installed nowhere (None if it is missing)."""
    translator = QTranslator()
    return translator if translator.load(str(qm_path(language))) else None


def install(language: str = DEFAULT_LANGUAGE) -> bool:
    """Load hostdesk_<language>.qm and Qt's own strings into the running application.

    The CLI verbs have no QApplication, so a QCoreApplication is made when none exists:
    translators can only be installed on an application object. (The window's path never
    gets here before its QApplication exists: see cli._run_window.) True when ours loaded.
    """
    if QCoreApplication.instance() is None:
        QCoreApplication([])
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    qt_path = qt_qm_path(language)
    qt_translator = QTranslator()
    # Installed first: the translator installed last is searched first, so ours wins
    # wherever both know a string.
    if qt_path is not None and qt_translator.load(str(qt_path)):
        QCoreApplication.installTranslator(qt_translator)
        _installed.append(qt_translator)
    ours = load(language)
    if ours is not None:
        QCoreApplication.installTranslator(ours)
        _installed.append(ours)
    QLocale.setDefault(QLocale(language))
    return ours is not None


def translated(context: str, text: str, n: int = -1) -> str:
    """Translate a source string marked for lupdate elsewhere (QT_TRANSLATE_NOOP).

    Not named `tr`: lupdate would read every call as a new source string.
    """
    return QCoreApplication.translate(context, text, None, n)
