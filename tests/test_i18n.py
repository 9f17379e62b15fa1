"""Translations: complete in zh_CN and en, and up to date with every string in the code."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import ROOT

I18N = ROOT / "resources" / "i18n"


def _messages(ts_path):
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_message_is_translated(language):
    ts = I18N / f"hostdesk_{language}.ts"
    missing = []
    count = 0
    for context, message in _messages(ts):
        count += 1
        translation = message.find("translation")
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
            missing.append(f"{context}: {message.findtext('source')}")
    assert count > 50
    assert missing == []


def test_translation_sources_are_up_to_date(tmp_path, monkeypatch):
    """A string added to the code but not to the .ts files fails here."""
    import scripts.i18n as tool

    for ts in I18N.glob("*.ts"):
        shutil.copy(ts, tmp_path / ts.name)

    def sources(ts):
        return {(context, m.findtext("source")) for context, m in _messages(ts)}

    before = {ts.name: sources(ts) for ts in tmp_path.glob("*.ts")}
    tool.update(tmp_path)
    for name, known in before.items():
        current = sources(tmp_path / name)
        assert current - known == set(), f"{name}: run `make i18n-update` and translate these"
        assert known - current == set(), f"{name}: strings no longer in the code"


def test_source_placeholders_survive_translation():
    # A translator dropping {file} or {row} would make messages useless (or crash .format).
    import re

    for language in ("zh_CN", "en"):
        for _context, message in _messages(I18N / f"hostdesk_{language}.ts"):
            wanted = set(re.findall(r"\{\w*\}|%n", message.findtext("source")))
            translation = message.find("translation")
            for form in [f.text for f in translation.iter("numerusform")] or [translation.text]:
                assert set(re.findall(r"\{\w*\}|%n", form)) == wanted, form


def test_under_16_maximum_age_is_described_as_the_maximum(qapp):  # qapp: no bare QCoreApplication
    from hostdesk import i18n, messages
    from hostdesk.core.compliance import LintWarning

    i18n.install("zh_CN")
    text = messages.lint_warning(LintWarning("X", "age_max", "age_under_16", "15"))
    assert text.startswith("最高年龄 15 岁")
    assert messages.lint_warning(LintWarning("X", "age_min", "age_under_16", "15")).startswith(
        "最低年龄"
    )


def test_qt_own_words_follow_the_language(qapp):
    """Standard buttons and the first-run guide's Next/Back: Qt's qtbase_<lang>.qm is loaded."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialogButtonBox, QWizard

    from hostdesk import i18n

    buttons = QDialogButtonBox.StandardButton
    try:
        i18n.install("zh_CN")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        box = QDialogButtonBox(buttons.Ok | buttons.Cancel)
        assert [box.button(b).text() for b in (buttons.Ok, buttons.Cancel)] == ["确定", "取消"]
        assert QWizard().buttonText(QWizard.WizardButton.NextButton).startswith("下一步")
        assert i18n.translated("MainWindow", "HostDesk – live recruitment assistant") == (
            "直播带岗助手 HostDesk"
        )  # ours still wins where both know a string
        i18n.install("en")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
        assert QWizard().buttonText(QWizard.WizardButton.NextButton) == "&Next >"
    finally:
        i18n.install("zh_CN")


def test_no_helper_hides_strings_from_lupdate():
    """`def _tr(text): return translate("Ctx", text)` hides every caller's string from lupdate.

    lupdate reads only literal strings in calls named tr/translate: the sign-up desk's save
    message and dialogs stayed English in a Chinese window that way.
    """
    import ast

    offenders = []
    for path in sorted((ROOT / "hostdesk").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            params = {a.arg for a in fn.args.args + fn.args.kwonlyargs}
            for call in ast.walk(fn):
                name = getattr(call, "func", None)
                name = getattr(name, "attr", getattr(name, "id", None))
                if not (isinstance(call, ast.Call) and name == "translate" and len(call.args) >= 2):
                    continue
                context, text = call.args[:2]
                literal_context = isinstance(context, ast.Constant)
                if literal_context and isinstance(text, ast.Name) and text.id in params:
                    offenders.append(f"{path.relative_to(ROOT)}: {fn.name}")
    assert offenders == []
