"""Text the card's font cannot draw is warned about at import, naming the cell (issue 15)."""

from __future__ import annotations

from pathlib import Path

from hostdesk import messages
from hostdesk.sheets.jobs_import import plan_import


def _sheet(tmp_path: Path) -> Path:
    path = tmp_path / "emoji.csv"
    path.write_text(
        "编号,岗位,企业,地点,薪资,福利\n"
        "E1,包装工🎉急招,海信,青岛,5000元/月,包吃住🏠、五险一金\n"
        "E2,普工,龘记食品,青岛,5000元/月,包吃住\n"
        "E3,仓管,海信,青岛,5000元/月,包吃住\n",
        encoding="utf-8",
    )
    return path


def test_characters_outside_the_card_font_are_warned_about_by_cell(tmp_path):
    plan = plan_import(_sheet(tmp_path))
    assert [(w.row, w.column, w.reason, w.text) for w in plan.warnings] == [
        (2, "岗位", "glyph_missing", "🎉"),
        (2, "福利", "glyph_missing", "🏠"),
        (3, "企业", "glyph_missing", "龘"),
    ]
    assert not plan.problems  # a warning: the rows are imported
    assert [job.title for _, job in plan.jobs] == ["包装工🎉急招", "普工", "仓管"]  # as written
    assert (plan.rows_read_fully, plan.rows_with_warnings, plan.rows_refused) == (1, 2, 0)
    assert "Row 2, column 岗位" in plan.warnings[0].message


def test_the_warning_is_said_in_chinese(tmp_path, qapp):
    from hostdesk import i18n

    i18n.install("zh_CN")
    warning = plan_import(_sheet(tmp_path)).warnings[0]
    assert messages.row_problem(warning, "emoji.csv") == (
        "emoji.csv 第 2 行「岗位」列：字卡字体里没有「🎉」：本机有别的字体能显示时用它显示，"
        "否则表情符号不显示、其他字显示为 〓"
    )
