"""The hub command line's own messages: English source text → Chinese (no Qt translator here)."""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGUAGES = ("zh_CN", "en")

# Keys are the English text exactly as the code writes it ({placeholders} included).
ZH_CN: dict[str, str] = {
    # Help
    "HostDesk hub: the agency's server for sign-ups and the job catalogue": "HostDesk 中心服务器：汇总各台电脑的报名并提供岗位目录",
    "language (default: from LC_ALL or LANG, else Chinese)": "语言（默认：按 LC_ALL 或 LANG，否则中文）",
    "database: a PostgreSQL or SQLite URL, or an SQLite file (default: $HOSTDESK_HUB_DB or hub.db here)": "数据库：PostgreSQL 或 SQLite 地址，或 SQLite 文件（默认：$HOSTDESK_HUB_DB 或当前目录的 hub.db）",
    "run the hub server": "运行中心服务器",
    "address to listen on (default 127.0.0.1)": "监听地址（默认 127.0.0.1）",
    "port to listen on (default 8765)": "监听端口（默认 8765）",
    "writes allowed per token in 10 seconds (default 120; 0: no limit)": "每个令牌 10 秒内允许的写入次数（默认 120；0：不限）",
    "log every request (paths and status codes only)": "记录每个请求（仅路径和状态码）",
    "the agency named on the sign-up page as receiving the details (default: $HOSTDESK_HUB_AGENCY)": "报名页上写明的信息接收方（默认：$HOSTDESK_HUB_AGENCY）",
    "days sign-ups are kept, as the sign-up page tells viewers (default: $HOSTDESK_HUB_RETENTION_DAYS or 180)": "报名信息保存天数，报名页会告知观众（默认：$HOSTDESK_HUB_RETENTION_DAYS 或 180）",
    "sign-up page submissions allowed per address per minute (default 20; 0: no limit)": "每个地址每分钟允许的报名页提交次数（默认 20；0：不限）",
    "sign-up page views allowed per address per minute (default: 3 x --page-rate-limit; 0: no limit)": "每个地址每分钟允许打开报名页的次数（默认：--page-rate-limit 的 3 倍；0：不限）",
    "--page-view-limit: 0 or more": "--page-view-limit：0 或更大",
    "server processes (default 1; more than 1 needs PostgreSQL)": "服务进程数（默认 1；多于 1 需要 PostgreSQL）",
    "addresses of reverse proxies whose X-Forwarded-For is trusted, comma-separated (default: none)": "信任其 X-Forwarded-For 的反向代理地址，逗号分隔（默认：不信任任何地址）",
    "access tokens for PCs and administrators": "直播电脑和管理员的访问令牌",
    "make a new token and print it once": "创建新令牌并只显示一次",
    "a name for the PC or person, e.g. studio-1": "电脑或人员的名称，例如 studio-1",
    "an administrator token (may replace the job catalogue)": "管理员令牌（可替换岗位目录）",
    "list the tokens (never the tokens themselves)": "列出令牌（从不显示令牌本身）",
    "print JSON": "输出 JSON",
    "refuse a token from now on": "从现在起拒绝某个令牌",
    "the token's name": "令牌名称",
    "erase the personal data of sign-ups older than the retention period": "清除超过保存期限的报名个人信息",
    "days sign-ups are kept (default: $HOSTDESK_HUB_RETENTION_DAYS or 180)": "报名信息保存天数（默认：$HOSTDESK_HUB_RETENTION_DAYS 或 180）",
    "erase one person's personal data (by phone number or sign-up id)": "清除某人的个人信息（按手机号或报名编号）",
    "the phone number the person signed up with": "报名时使用的手机号",
    "the sign-up's id (client_id)": "报名编号（client_id）",
    # Errors and results
    "--port: a number from 1 to 65535": "--port：1 到 65535 之间的数字",
    "--rate-limit: 0 or more": "--rate-limit：0 或更大",
    "--page-rate-limit: 0 or more": "--page-rate-limit：0 或更大",
    "--agency: at most 60 printable characters": "--agency：最多 60 个可打印字符",
    "--public-url: an http:// or https:// address, e.g. https://hub.example.cn": "--public-url：须是 http:// 或 https:// 开头的地址，例如 https://hub.example.cn",
    "the address phones open, as PCs put it in their QR codes, e.g. https://hub.example.cn (default: $HOSTDESK_HUB_PUBLIC_URL)": "手机打开的地址，各电脑的二维码用它，例如 https://hub.example.cn（默认：$HOSTDESK_HUB_PUBLIC_URL）",
    "--retention-days: a number from 1 to 3650": "--retention-days：1 到 3650 之间的数字",
    "--workers: a number from 1 to 64": "--workers：1 到 64 之间的数字",
    "--workers: SQLite serves from one process; use PostgreSQL for more workers": "--workers：SQLite 只能由一个进程服务；多个进程请使用 PostgreSQL",
    "--forwarded-allow-ips: {value} is not an address or network (e.g. 127.0.0.1,10.0.0.0/8)": "--forwarded-allow-ips：{value} 不是地址或网段（例如 127.0.0.1,10.0.0.0/8）",
    "The hub database cannot be opened ({reason}): check --db": "无法打开中心服务器数据库（{reason}）：请检查 --db",
    "The token name must be 1 to 64 printable characters": "令牌名称须为 1 到 64 个可打印字符",
    "A token named {name} exists already: choose another name": "名为 {name} 的令牌已存在：请换一个名称",
    "Keep this token: it is shown only once.": "请妥善保存此令牌，它只显示这一次。",
    "No token is named {name}": "没有名为 {name} 的令牌",
    "Token {name} revoked: the hub refuses it from now on.": "令牌 {name} 已撤销：中心服务器从现在起拒绝它。",
    "Token {name} was revoked already.": "令牌 {name} 早已撤销。",
    "No tokens yet: make one with `hostdesk-hub token create NAME`.": "还没有令牌：用 `hostdesk-hub token create 名称` 创建。",
    "name": "名称",
    "role": "角色",
    "created": "创建时间",
    "revoked": "撤销时间",
    "admin": "管理员",
    "device": "设备",
    "Sign-ups whose personal data was erased: {count}": "已清除个人信息的报名：{count}",
    "The phone number is not a mainland mobile number: check --phone": "手机号不是大陆手机号码：请检查 --phone",
    "--id: 1 to 64 printable characters": "--id：1 到 64 个可打印字符",
    'This installation has no hub server: install it with pip install ".[hub]" (see docs/hub-api.md)': '此安装不含中心服务器：请用 pip install ".[hub]" 安装（见 docs/hub-api.md）',
    "interrupted": "已中断",
    "internal error ({name})": "内部错误（{name}）",
    # Back-office accounts (hub/cli_users.py)
    "back-office accounts (admins, recruiters, employers)": "后台账号（管理员、招聘专员、用人单位）",
    "make a back-office account": "创建后台账号",
    "the account's login name": "账号的登录名",
    "admin, recruiter or employer": "admin（管理员）、recruiter（招聘专员）或 employer（用人单位）",
    "the company an employer account speaks for (its jobs' company)": "用人单位账号所代表的公司（即其岗位的公司）",
    "read the password from standard input": "从标准输入读取密码",
    "list the accounts (never a password)": "列出账号（从不显示密码）",
    "disable an account: its sessions end at once": "停用账号：其登录立即失效",
    "set an account's password": "设置账号密码",
    "The password must be 8 to 256 characters (on standard input)": "密码须为 8 到 256 个字符（从标准输入读取）",
    "The account name must be 1 to 64 printable characters": "账号名须为 1 到 64 个可打印字符",
    "--employer: an employer account needs its company (1 to 100 characters)": "--employer：用人单位账号须填写公司（1 到 100 个字符）",
    "--employer: only for --role employer": "--employer：仅用于 --role employer",
    "An account named {name} exists already": "名为 {name} 的账号已存在",
    "Account {name} made ({role}).": "账号 {name} 已创建（{role}）。",
    "No accounts yet: make one with `hostdesk-hub user add NAME --role admin --password-stdin`.": "还没有账号：用 `hostdesk-hub user add 名称 --role admin --password-stdin` 创建。",
    "No account is named {name}": "没有名为 {name} 的账号",
    "Account {name} disabled: its sessions have ended.": "账号 {name} 已停用：其登录已全部失效。",
    "Password of {name} set: its sessions have ended.": "{name} 的密码已设置：其登录已全部失效。",
    "recruiter": "招聘专员",
    "employer": "用人单位",
    "state": "状态",
    "active": "启用",
    "disabled": "已停用",
}

_language = "zh_CN"


def pick(option: str | None, environ: Mapping[str, str] | None = None) -> str:
    """--lang when given, else LC_ALL then LANG (English only when they name it), else zh_CN."""
    if option:
        return option
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LANG"):
        value = environ.get(name, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return "en" if value.lower().startswith("en") else "zh_CN"
    return "zh_CN"


def use(language: str) -> None:
    global _language
    _language = language if language in LANGUAGES else "zh_CN"


def t(text: str) -> str:
    """The message in the chosen language (the English text when it has no translation)."""
    return ZH_CN.get(text, text) if _language == "zh_CN" else text
