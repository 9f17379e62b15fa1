"""Qt's translation system for every user-facing string, in the GUI and on the command line."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from hostdesk import resources

DEFAULT_LANGUAGE = "zh_CN"
_installed: list[QTranslator] = []  # keep references: Qt does not own them


def qm_path(language: str):
    return resources.root() / "i18n" / f"hostdesk_{language}.qm"


def install(language: str = DEFAULT_LANGUAGE) -> bool:
    """Load hostdesk_<language>.qm (and Qt's own strings) into the running application.

    The CLI has no QApplication, so a QCoreApplication is made when none exists:
    translators can only be installed on an application object.
    """
    if QCoreApplication.instance() is None:
        QCoreApplication([])
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    translator = QTranslator()
    ok = translator.load(str(qm_path(language)))
    if ok:
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)
    QLocale.setDefault(QLocale(language))
    return ok


def translated(context: str, text: str, n: int = -1) -> str:
    """Translate a source string marked for lupdate elsewhere (QT_TRANSLATE_NOOP).

    Not named `tr`: lupdate would read every call as a new source string.
    """
    return QCoreApplication.translate(context, text, None, n)
