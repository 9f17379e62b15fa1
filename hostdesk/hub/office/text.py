"""The back office's words: English source text → Chinese (the default), as hub/i18n.py does."""

from __future__ import annotations

from collections.abc import Callable

from hostdesk.hub.office import catalogue_text, show_text

LANGUAGES = ("zh_CN", "en")

STAGE_TEXT = {
    "new": "New", "contacted": "Contacted", "booked": "Interview booked",
    "interviewed": "Interviewed", "offered": "Offered", "hired": "Started work",
    "no_answer": "No answer", "not_interested": "Not interested", "unsuitable": "Not suitable",
    "no_show": "Missed interview", "declined": "Declined offer", "duplicate": "Duplicate",
}  # fmt: skip
OUTCOME_TEXT = {
    "answered": "Answered", "no_answer": "No answer", "busy": "Busy",
    "invalid": "Unreachable number",
}  # fmt: skip
SOURCE_TEXT = {
    "phone": "Phone", "comment": "Comment", "dm": "Direct message", "walk_in": "Walk-in",
    "qr": "QR code", "import": "Import", "douyin": "Douyin", "kuaishou": "Kuaishou",
}  # fmt: skip
ROLE_TEXT = {"admin": "Administrator", "recruiter": "Recruiter", "employer": "Employer"}

ZH_CN: dict[str, str] = {
    # Stages, outcomes, sources, roles
    "New": "新报名",
    "Contacted": "已联系",
    "Interview booked": "已约面",
    "Interviewed": "已到面",
    "Offered": "已录用",
    "Started work": "已入职",
    "No answer": "未接通",
    "Not interested": "无意向",
    "Not suitable": "不符合",
    "Missed interview": "未到面",
    "Declined offer": "放弃入职",
    "Duplicate": "重复",
    "Answered": "接通",
    "Busy": "占线",
    "Unreachable number": "空号/停机",
    "Phone": "电话",
    "Comment": "评论",
    "Direct message": "私信",
    "Walk-in": "现场",
    "QR code": "扫码",
    "Import": "导入",
    "Administrator": "管理员",
    "Recruiter": "招聘专员",
    "Employer": "用人单位",
    # Frame
    "HostDesk back office": "HostDesk 后台",
    "Leads": "线索",
    "My queue": "我的队列",
    "Change password": "修改密码",
    "Log out": "退出",
    "Skip to content": "跳到正文",
    # Login
    "Log in": "登录",
    "Username": "用户名",
    "Password": "密码",
    "Wrong username or password.": "用户名或密码错误。",
    "Too many failed attempts: wait 15 minutes and try again.": "失败次数过多：请 15 分钟后再试。",
    "The form expired: please try again.": "页面已过期：请重新提交。",
    "You have been logged out.": "已退出登录。",
    # Lead list
    "Filters": "筛选",
    "Job": "岗位",
    "Show": "场次",
    "Broadcast PC": "直播电脑",
    "Date": "日期",
    "Source": "来源",
    "Stage": "阶段",
    "Owner": "负责人",
    "Search": "搜索",
    "All": "全部",
    "Unassigned": "未分配",
    "Me": "我",
    "Name, job, whole number or last 4 digits": "姓名、岗位、完整手机号或后 4 位",
    "Apply": "筛选",
    "Clear": "清除",
    "Signed up": "报名时间",
    "Name": "姓名",
    "Calls": "拨打",
    "Waiting": "等待",
    "Late": "超时未拨",
    "Repeat": "重复报名",
    "Signed up for {n} other jobs too": "还报名了另外 {n} 个岗位",
    "Withdrawn": "已撤回",
    "Erased": "已删除",
    "Reveal": "查看号码",
    "Call": "拨打",
    "{total} leads": "共 {total} 条线索",
    "Page {page} of {pages}": "第 {page}/{pages} 页",
    "Previous": "上一页",
    "Next": "下一页",
    "No leads match.": "没有符合条件的线索。",
    "Assign selected to": "把选中的分配给",
    "Assign": "分配",
    "Nobody": "不分配",
    "Deal this job's unassigned leads in turn": "按岗位轮流分配未分配的线索",
    "Deal": "轮流分配",
    "Filter by a job to deal its unassigned leads in turn.": "先按岗位筛选，即可把该岗位未分配的线索轮流分配。",
    "Not called within (minutes)": "超时未拨提醒（分钟）",
    "Save": "保存",
    "Select": "选择",
    "Select all": "全选",
    "Keys: j/k or ↑/↓ move, Enter opens, r reveals, 1–4 call outcome, x selects, n next lead": "快捷键：j/k 或 ↑/↓ 移动，Enter 打开，r 查看号码，1–4 记录拨打结果，x 选中，n 下一条",
    # One lead
    "Lead": "线索",
    "Back to the list": "返回列表",
    "Next in my queue": "队列下一条",
    "Age": "年龄",
    "Gender": "性别",
    "Current city": "现居城市",
    "Expected city": "期望城市",
    "Note": "备注",
    "Employer consent": "同意转给用人单位",
    "Yes": "是",
    "No": "否",
    "Sign-up id": "报名编号",
    "Call outcome": "拨打结果",
    "Move to": "改为",
    "Change stage": "更改阶段",
    "Note (optional)": "备注（选填）",
    "History": "阶段记录",
    "When": "时间",
    "Who": "操作人",
    "From": "从",
    "To": "到",
    "Call attempts": "拨打记录",
    "Outcome": "结果",
    "No calls yet.": "还没有拨打记录。",
    "No changes yet.": "还没有阶段变更。",
    "This sign-up was withdrawn: its details are not shown.": "此报名已撤回：不显示其信息。",
    "This sign-up was erased on request: its details are gone.": "此报名已按要求删除：信息已清除。",
    "Started work is final: only an administrator can change it.": "已入职为最终阶段：只有管理员可以更改。",
    "Revealed: this view is in the audit log.": "已显示号码：此次查看已记入审计日志。",
    "Stage changed.": "阶段已更改。",
    "Call recorded.": "已记录拨打。",
    "Assigned.": "已分配。",
    "{n} leads dealt.": "已轮流分配 {n} 条线索。",
    "Saved.": "已保存。",
    # Refusals
    "Someone changed this lead meanwhile: look again and retry.": "这条线索刚被别人更改：请查看后重试。",
    "That change is not allowed from this stage.": "当前阶段不允许这样更改。",
    "This sign-up was withdrawn or erased: it cannot be changed.": "此报名已撤回或删除，不能更改。",
    "That owner cannot take leads.": "该负责人不能分配线索。",
    "The note is too long (at most 200 characters).": "备注太长（最多 200 个字）。",
    "No recruiter account can take leads.": "没有可分配的招聘专员账号。",
    "A number from 1 to 1440.": "请填 1 到 1440 之间的数字。",
    "You may not do that.": "您没有权限这样做。",
    "No such lead.": "没有这条线索。",
    "The form expired or came from elsewhere: reload the page and try again.": "表单已过期或来源不明：请刷新页面后重试。",
    "Employer accounts have no lead desk yet.": "用人单位账号暂时没有线索台。",
    "Something went wrong.": "出错了。",
    "Bad request.": "请求有误。",
    "Page not found.": "页面不存在。",
    "Please log in.": "请先登录。",
    # The employer view and export
    "Sign-ups for {company}": "{company} 的报名名单",
    "{n} people": "共 {n} 人",
    "Export as Excel (xlsx)": "导出 Excel（xlsx）",
    "Phone number": "手机号",
    "Only people who agreed to pass their details to you are listed; anyone who withdrew is removed.": "这里只列出同意把信息转给贵单位的报名者；撤回报名的人会被移除。",
    "No sign-ups yet.": "还没有报名。",
    "For an employer": "为用人单位导出",
    "Our sign-ups": "报名名单",
    "The employer's view and export: only the sign-ups it may see (its jobs, the employer consent ticked).": "用人单位看到和导出的名单：只含其岗位、且报名者勾选了同意转给用人单位的报名。",
    "No such job.": "没有这个岗位。",
    # Password
    "Current password": "当前密码",
    "New password": "新密码",
    "New password again": "再次输入新密码",
    "Password changed: your other sessions have ended.": "密码已修改：您的其他登录已退出。",
    "The current password is wrong.": "当前密码不正确。",
    "The two new passwords differ.": "两次输入的新密码不一致。",
    "At least 8 characters.": "至少 8 个字符。",
    "中文": "中文",
    "English": "English",
    # The catalogue and lead-import pages
    **catalogue_text.ZH_CN,
    # The live show view and the show report
    **show_text.ZH_CN,
}


def pick(setting: str, accept_language: str) -> str:
    """The account's setting, else the browser's first language (Chinese unless English)."""
    if setting in LANGUAGES:
        return setting
    for part in accept_language.split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("zh"):
            return "zh_CN"
        if tag.startswith("en"):
            return "en"
    return "zh_CN"


def translator(language: str) -> Callable[..., str]:
    """`_("text", n=…)`: the text in `language`, placeholders filled."""

    def gettext(text: str, **values) -> str:
        out = ZH_CN.get(text, text) if language == "zh_CN" else text
        return out.format(**values) if values else out

    return gettext
