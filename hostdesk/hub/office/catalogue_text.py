"""The words of the catalogue and lead-import pages: English source → Chinese (text.py takes
them into the office's one catalogue), and the sentences for an importer's row notes."""

from __future__ import annotations

from collections.abc import Callable

# A whole file refused (the sheet reader's reasons, and the upload's own).
UPLOAD_TEXT = {
    "too_big": "The file is larger than 5 MB: split the sheet, or remove its pictures.",
    "no_file": "Choose a file to upload.",
    "empty": "The file is empty: choose the sheet that holds the rows.",
    "no_rows": "The sheet has a header row but nothing under it.",
    "wrong_type": "This is not a spreadsheet: choose an .xlsx or .csv file (or save it as .xlsx in Excel or WPS).",
    "old_xls": "This is an old .xls file: open it in Excel or WPS and save it as .xlsx.",
    "encoding": "The CSV is in an encoding HostDesk does not know: save it as .xlsx or as CSV UTF-8.",
    "no_title_column": "No header row with a job title column (岗位, 职位, 岗位名称 or 工种) in the first 15 rows.",
    "no_phone_column": "No header row with a phone number column (手机号, 电话, 手机 or 联系电话) in the first 15 rows.",
    "unreadable": "The file cannot be read (damaged or protected by a password): open it in Excel or WPS and save it again as .xlsx.",
    "not_found": "The file cannot be read (damaged or protected by a password): open it in Excel or WPS and save it again as .xlsx.",
    "expired": "This preview has expired or belongs to another session: upload the file again.",
}
# One row's note in the preview: {cell} the cell as written, {first_row} the row it repeats.
NOTE_TEXT = {
    "title_missing": "The job title is empty: the row is not imported.",
    "duplicate_code": "The code {cell} is already used by row {first_row}: the row is not imported.",
    "invalid": "The hub cannot take this job ({cell}): the row is not imported.",
    "pay_min_gt_max": "The pay range {cell} starts above where it ends.",
    "pay_unread": "The pay {cell} is kept as written, without figures (write it like 6000-8000元/月).",
    "pay_unparseable": "The pay {cell} is kept as written, without figures (write it like 6000-8000元/月).",
    "age_unread": "The age {cell} is kept as written, without a band (write it like 18-45岁).",
    "age_unparseable": "The age {cell} is kept as written, without a band (write it like 18-45岁).",
    "age_min_gt_max": "The age band {cell} starts above where it ends.",
    "age_out_of_range": "The age {cell} is outside 0-80.",
    "headcount_invalid": "The headcount {cell} is not a whole number.",
    "code_replaced": "The code {cell} cannot be used: the job gets a generated code.",
    "code_invalid": "The code {cell} cannot be used: the job gets a generated code.",
    "status_paused": "Unknown status {cell}: the job is imported paused.",
    "status_invalid": "Unknown status {cell}: the job is imported paused.",
    "urgent_invalid": "Cannot tell whether {cell} means urgent.",
    "glyph_missing": "The card's font has no {cell}: the card leaves emoji out or shows 〓.",
    "lint_gender_only": "Gender restriction: {cell}",
    "lint_appearance": "Requirement on looks: {cell}",
    "lint_ethnicity": "Ethnic restriction: {cell}",
    "lint_region_exclusion": "Excludes people by region: {cell}",
    "lint_marital_status": "Marriage or children requirement: {cell}",
    "lint_absolute_claim": "Absolute claim (advertising law): {cell}",
    "lint_age_under_16": "Minimum age under 16 (labour law): {cell}",
    "lint_age_min_gt_max": "The age band starts above where it ends: {cell}",
    "lint_pay_missing": "No pay given.",
    "lint_pay_min_gt_max": "The pay range starts above where it ends: {cell}",
}
KIND_TEXT = {
    "refused": "Not imported", "cell": "Kept as written", "glyph": "Card font",
    "lint": "Compliance",
}  # fmt: skip
CHANGE_TEXT = {"new": "New job", "changed": "Changed", "same": "Unchanged"}
OUTCOME_TEXT = {
    "created": "Created", "updated": "Updated", "unchanged": "Unchanged",
    "conflict": "Conflict: not published",
}  # fmt: skip

ZH_CN = {
    UPLOAD_TEXT["too_big"]: "文件超过 5 MB：请拆分表格，或删掉其中的图片。",
    UPLOAD_TEXT["no_file"]: "请选择要上传的文件。",
    UPLOAD_TEXT["empty"]: "文件是空的：请选择有内容的表格。",
    UPLOAD_TEXT["no_rows"]: "表格只有表头，下面没有内容。",
    UPLOAD_TEXT[
        "wrong_type"
    ]: "这不是表格文件：请选择 .xlsx 或 .csv 文件（或在 Excel/WPS 里另存为 .xlsx）。",
    UPLOAD_TEXT["old_xls"]: "这是旧的 .xls 文件：请在 Excel 或 WPS 里打开，另存为 .xlsx。",
    UPLOAD_TEXT["encoding"]: "这个 CSV 的编码无法识别：请另存为 .xlsx 或“CSV UTF-8”。",
    UPLOAD_TEXT[
        "no_title_column"
    ]: "前 15 行里没有带“岗位”列（岗位、职位、岗位名称或工种）的表头行。",
    UPLOAD_TEXT[
        "no_phone_column"
    ]: "前 15 行里没有带手机号列（手机号、电话、手机或联系电话）的表头行。",
    UPLOAD_TEXT[
        "unreadable"
    ]: "文件无法读取（已损坏或设了密码）：请在 Excel 或 WPS 里打开，重新另存为 .xlsx。",
    UPLOAD_TEXT["expired"]: "这次预览已过期或不属于当前登录：请重新上传文件。",
    NOTE_TEXT["title_missing"]: "岗位名称为空：此行不导入。",
    NOTE_TEXT["duplicate_code"]: "编号 {cell} 已被第 {first_row} 行使用：此行不导入。",
    NOTE_TEXT["invalid"]: "服务器不接受此岗位（{cell}）：此行不导入。",
    NOTE_TEXT["pay_min_gt_max"]: "薪资范围 {cell} 的起点高于终点。",
    NOTE_TEXT["pay_unread"]: "薪资 {cell} 按原文保留，没有读出数字（请写成 6000-8000元/月 这样）。",
    NOTE_TEXT["age_unread"]: "年龄 {cell} 按原文保留，没有读出范围（请写成 18-45岁 这样）。",
    NOTE_TEXT["age_min_gt_max"]: "年龄范围 {cell} 的起点高于终点。",
    NOTE_TEXT["age_out_of_range"]: "年龄 {cell} 不在 0-80 之间。",
    NOTE_TEXT["headcount_invalid"]: "招聘人数 {cell} 不是整数。",
    NOTE_TEXT["code_replaced"]: "编号 {cell} 不能用：已自动生成编号。",
    NOTE_TEXT["status_paused"]: "状态 {cell} 无法识别：岗位按“暂停”导入。",
    NOTE_TEXT["urgent_invalid"]: "看不出 {cell} 是否表示急招。",
    NOTE_TEXT["glyph_missing"]: "卡片字体里没有 {cell}：卡片上表情会被省略，其他字显示为 〓。",
    NOTE_TEXT["lint_gender_only"]: "性别限制：{cell}",
    NOTE_TEXT["lint_appearance"]: "外貌要求：{cell}",
    NOTE_TEXT["lint_ethnicity"]: "民族限制：{cell}",
    NOTE_TEXT["lint_region_exclusion"]: "地域排斥：{cell}",
    NOTE_TEXT["lint_marital_status"]: "婚育要求：{cell}",
    NOTE_TEXT["lint_absolute_claim"]: "绝对化用语（广告法）：{cell}",
    NOTE_TEXT["lint_age_under_16"]: "最低年龄不满 16 岁（劳动法）：{cell}",
    NOTE_TEXT["lint_age_min_gt_max"]: "年龄范围起点高于终点：{cell}",
    NOTE_TEXT["lint_pay_missing"]: "没有写薪资。",
    NOTE_TEXT["lint_pay_min_gt_max"]: "薪资范围起点高于终点：{cell}",
    "Not imported": "不导入",
    "Kept as written": "按原文保留",
    "Card font": "卡片字体",
    "Compliance": "合规提醒",
    "New job": "新岗位",
    "Unchanged": "未变",
    "Changed": "有改动",
    "Created": "已新增",
    "Updated": "已更新",
    "Conflict: not published": "冲突：未发布",
    # The job list
    "Jobs": "岗位表",
    "Upload a sheet": "上传岗位表",
    "Code": "编号",
    "Company": "用人单位",
    "City": "地点",
    "Pay": "薪资",
    "Status": "状态",
    "Version": "版本",
    "Last change": "最后修改",
    "Open": "招聘中",
    "Paused": "暂停",
    "Closed": "已关闭",
    "Edit": "编辑",
    "No jobs yet: upload the employer's sheet.": "还没有岗位：请上传用人单位的岗位表。",
    "Broadcast PCs get every change at their next pull.": "直播电脑下次同步时会拿到每一处改动。",
    # Upload and preview
    "The employer's sheet (xlsx, or CSV in UTF-8 or GBK; title rows above the header are fine), at most 5 MB.": "用人单位的岗位表（xlsx，或 UTF-8/GBK 编码的 CSV；表头上方有标题行也可以），不超过 5 MB。",
    "File": "文件",
    "Preview": "预览",
    "Nothing is changed until you publish.": "点“发布”之前不会改动任何岗位。",
    "Preview of the sheet (header in row {row})": "表格预览（表头在第 {row} 行）",
    "{new} new, {changed} changed, {same} unchanged, {refused} rows not imported": "新增 {new} 个，改动 {changed} 个，未变 {same} 个，{refused} 行不导入",
    "Problems by row": "逐行问题",
    "Row": "行",
    "Kind": "类别",
    "Column": "列",
    "Problem": "问题",
    "No problems found.": "没有发现问题。",
    "The compliance word lists are not installed on this hub: no compliance check was made.": "本服务器没有安装合规词表：未做合规检查。",
    "Change": "变化",
    "Publish {n} jobs": "发布 {n} 个岗位",
    "Nothing to publish: every job is as the hub has it.": "无需发布：所有岗位都和服务器上一样。",
    "Upload another file": "重新上传",
    # Publish result
    "Published": "发布结果",
    "Result": "结果",
    "Changed meanwhile by {who} at {when}: not published. Upload the sheet again to see the job as it is now.": "预览之后已被 {who} 于 {when} 修改：未发布。请重新上传表格，查看它现在的样子。",
    "Back to the jobs": "返回岗位表",
    # One job
    "Edit job": "编辑岗位",
    "Title": "岗位名称",
    "Benefits": "福利",
    "Headcount": "招聘人数",
    "Shift": "班次",
    "Requirements": "要求",
    "Sign-up link": "报名链接",
    "Urgent": "急招",
    "Version {n}, changed by {who} at {when}": "第 {n} 版，{who} 于 {when} 修改",
    "Close the job": "关闭岗位",
    "Reopen the job": "重新开放",
    "This job was changed by {who} at {when} (now version {n}) after you opened it: your changes were not saved. The job as it is now is shown above; saving again replaces it.": "您打开之后，这个岗位已被 {who} 于 {when} 修改（现为第 {n} 版）：您的修改没有保存。上方是它现在的内容；再次保存将替换它。",
    "Saved; see the notes below.": "已保存；请看下面的提醒。",
    "Not saved: see the problems below.": "未保存：请看下面的问题。",
    "Job saved.": "岗位已保存。",
    "Job closed.": "岗位已关闭。",
    "Job reopened.": "岗位已重新开放。",
    # Lead import
    "Import leads": "导入线索",
    "Platform": "平台",
    "Douyin": "抖音",
    "Kuaishou": "快手",
    "Other": "其他",
    "The platform's own lead export (xlsx or CSV), at most 5 MB.": "平台后台导出的线索表（xlsx 或 CSV），不超过 5 MB。",
    "Imported leads carry no employer consent: employers never see them.": "导入的线索没有“同意转给用人单位”：用人单位看不到。",
    "Columns": "列对应",
    "Field": "字段",
    "Sheet column": "表格中的列",
    "Not in the sheet": "表格中没有",
    "Phone number (required)": "手机号（必填）",
    "Name (required)": "姓名（必填）",
    "Lead time": "留资时间",
    "Intended job": "意向岗位",
    "Lead source": "线索来源",
    "Job for rows whose intended job is not in the catalogue": "意向岗位不在岗位表里的行归入",
    "{rows} rows: {ok} to import, {repeat} repeat phones (flagged, not merged), {bad} without a usable phone or name, {again} already imported": "共 {rows} 行：可导入 {ok} 条，重复手机号 {repeat} 条（标为重复，不合并），缺少可用手机号或姓名 {bad} 条，之前已导入 {again} 条",
    "Check again": "按此对应重新检查",
    "Import {n} leads": "导入 {n} 条线索",
    "Row {row}: {problem}": "第 {row} 行：{problem}",
    "no usable mobile number": "没有可用的手机号",
    "no name": "没有姓名",
    "Repeat phone": "重复手机号",
    "{n} leads imported ({repeat} with a phone the hub already had, flagged as repeats).": "已导入 {n} 条线索（其中 {repeat} 条的手机号服务器上已有，已标为重复）。",
    "Choose a job for the rows.": "请选择这些行归入的岗位。",
    "Choose the phone and name columns.": "请选择手机号列和姓名列。",
}
ZH_CN[UPLOAD_TEXT["not_found"]] = ZH_CN[UPLOAD_TEXT["unreadable"]]
for _same in ("pay_unparseable", "age_unparseable", "code_invalid", "status_invalid"):
    _twin = {"pay_unparseable": "pay_unread", "age_unparseable": "age_unread",
             "code_invalid": "code_replaced", "status_invalid": "status_paused"}[_same]  # fmt: skip
    ZH_CN.setdefault(NOTE_TEXT[_same], ZH_CN[NOTE_TEXT[_twin]])


def upload_message(reason: str) -> str:
    """The English source text for a refused file (the page translates it)."""
    return UPLOAD_TEXT.get(reason, UPLOAD_TEXT["unreadable"])


def catalogue_note(note, _: Callable[..., str]) -> str:
    """One preview note in the page's language."""
    template = NOTE_TEXT.get(note.reason, "{cell}")
    return _(template, cell=note.text, first_row=note.first_row or "")
