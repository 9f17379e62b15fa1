<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttentionListDialog</name>
    <message>
        <source>Sign-ups that need attention</source>
        <translation>需要处理的报名</translation>
    </message>
    <message>
        <source>The hub refused these changes. They stay here and are never dropped: fix the sign-up and retry, or retry as it is.</source>
        <translation>总部拒收了以下改动。它们会一直保留在这里，不会丢失：请修改报名后重试，或直接重试。</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>改动</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Fix…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Retry all</source>
        <translation>全部重试</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>New sign-up</source>
        <translation>新报名</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>撤销报名</translation>
    </message>
    <message>
        <source>Job put on air</source>
        <translation>岗位上屏</translation>
    </message>
    <message>
        <source>Job taken off air</source>
        <translation>岗位下屏</translation>
    </message>
    <message>
        <source>Show went live</source>
        <translation>直播开始</translation>
    </message>
    <message>
        <source>Show ended</source>
        <translation>直播结束</translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <source>Hiring {count}</source>
        <translation>招{count}人</translation>
    </message>
    <message>
        <source>URGENT</source>
        <translation>急招</translation>
    </message>
    <message>
        <source>Scan to sign up</source>
        <translation>扫码报名</translation>
    </message>
</context>
<context>
    <name>CatalogueExport</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8 编码 (*.csv)</translation>
    </message>
    <message>
        <source>Export the catalogue</source>
        <translation>导出岗位库</translation>
    </message>
    <message>
        <source>jobs.xlsx</source>
        <translation>岗位库.xlsx</translation>
    </message>
    <message>
        <source>{count} jobs exported to {file}</source>
        <translation>已导出 {count} 个岗位到 {file}</translation>
    </message>
    <message>
        <source>Catalogue exported</source>
        <translation>岗位库已导出</translation>
    </message>
    <message>
        <source>The catalogue could not be exported ({detail})</source>
        <translation>岗位库导出失败（{detail}）</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>CataloguePanel</name>
    <message>
        <source>Search title, employer, city or benefit</source>
        <translation>搜索岗位、企业、城市或福利</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All cities</source>
        <translation>全部城市</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>HostDesk – live recruitment assistant</source>
        <translation>直播带岗助手 HostDesk</translation>
    </message>
    <message>
        <source>data folder (default: $HOSTDESK_DATA_DIR or the platform&apos;s)</source>
        <translation>数据文件夹（默认：$HOSTDESK_DATA_DIR 或系统默认位置）</translation>
    </message>
    <message>
        <source>language (default: from settings)</source>
        <translation>界面语言（默认：按设置）</translation>
    </message>
    <message>
        <source>check the installation and exit</source>
        <translation>检查安装是否完整后退出</translation>
    </message>
    <message>
        <source>the job catalogue</source>
        <translation>岗位库</translation>
    </message>
    <message>
        <source>import jobs from an .xlsx or .csv sheet</source>
        <translation>从 .xlsx 或 .csv 表格导入岗位</translation>
    </message>
    <message>
        <source>show what would change, change nothing</source>
        <translation>只显示将发生的变化，不做修改</translation>
    </message>
    <message>
        <source>list the catalogue</source>
        <translation>列出岗位库</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>输出 JSON</translation>
    </message>
    <message>
        <source>export the catalogue to .xlsx or .csv</source>
        <translation>把岗位库导出为 .xlsx 或 .csv</translation>
    </message>
    <message>
        <source>check jobs for wording that law or platforms forbid</source>
        <translation>检查岗位中法律或平台禁止的用语</translation>
    </message>
    <message>
        <source>OBS WebSocket address, e.g. ws://127.0.0.1:4455</source>
        <translation>OBS WebSocket 地址，例如 ws://127.0.0.1:4455</translation>
    </message>
    <message>
        <source>OBS WebSocket password</source>
        <translation>OBS WebSocket 密码</translation>
    </message>
    <message>
        <source>Dry run, nothing changed: {created} new, {updated} updated, {unchanged} unchanged, {rejected} rows rejected</source>
        <translation>试运行，未做任何修改：新增 {created} 个，更新 {updated} 个，未变 {unchanged} 个，{rejected} 行被拒绝</translation>
    </message>
    <message>
        <source>Imported: {created} new, {updated} updated, {unchanged} unchanged, {rejected} rows rejected</source>
        <translation>导入完成：新增 {created} 个，更新 {updated} 个，未变 {unchanged} 个，{rejected} 行被拒绝</translation>
    </message>
    <message>
        <source>Cannot write {file}: {reason}</source>
        <translation>无法写入 {file}：{reason}</translation>
    </message>
    <message>
        <source>Jobs exported to {file}: {count}</source>
        <translation>已导出 {count} 个岗位到 {file}</translation>
    </message>
    <message>
        <source>Warnings: {count}</source>
        <translation>共 {count} 条提示</translation>
    </message>
    <message>
        <source>The data folder {path} cannot be used ({reason}): choose another with --data-dir</source>
        <translation>数据文件夹 {path} 无法使用（{reason}）：请用 --data-dir 另选一个</translation>
    </message>
    <message>
        <source>internal error ({name}); details are in {logs}</source>
        <translation>内部错误（{name}），详情见 {logs}</translation>
    </message>
    <message>
        <source>the connection to OBS Studio</source>
        <translation>与 OBS Studio 的连接</translation>
    </message>
    <message>
        <source>connect, show versions and canvas, set up the overlay</source>
        <translation>连接 OBS，显示版本和画布，并设置叠加层</translation>
    </message>
    <message>
        <source>put a job&apos;s card and QR code on air</source>
        <translation>把岗位卡片和报名二维码上屏</translation>
    </message>
    <message>
        <source>take the overlay off air</source>
        <translation>叠加层下屏</translation>
    </message>
    <message>
        <source>draw a job&apos;s card to a PNG file</source>
        <translation>把岗位卡片画成 PNG 文件</translation>
    </message>
    <message>
        <source>OBS at {address} refused the password: check it in OBS (Tools → WebSocket Server Settings) and in --obs-password</source>
        <translation>{address} 上的 OBS 拒绝了密码：请在 OBS（工具 → WebSocket 服务器设置）和 --obs-password 中核对</translation>
    </message>
    <message>
        <source>OBS already has a source named “{name}” of another kind: rename it in OBS</source>
        <translation>OBS 中已有名为“{name}”的其他类型来源：请在 OBS 中改名</translation>
    </message>
    <message>
        <source>OBS refused a request ({detail})</source>
        <translation>OBS 拒绝了请求（{detail}）</translation>
    </message>
    <message>
        <source>OBS is not reachable at {address}: start OBS and enable its WebSocket server (Tools → WebSocket Server Settings)</source>
        <translation>无法连接 {address} 上的 OBS：请启动 OBS 并开启 WebSocket 服务器（工具 → WebSocket 服务器设置）</translation>
    </message>
    <message>
        <source>OBS {obs} (obs-websocket {ws}), canvas {w}x{h} at {fps:g} fps</source>
        <translation>OBS {obs}（obs-websocket {ws}），画布 {w}x{h}，{fps:g} 帧/秒</translation>
    </message>
    <message>
        <source>Overlay scene “{scene}” is in program scene “{program}”</source>
        <translation>叠加层场景“{scene}”已加入节目场景“{program}”</translation>
    </message>
    <message>
        <source>No job has the code {code}: see `hostdesk jobs list`</source>
        <translation>没有编号为 {code} 的岗位：请用 `hostdesk jobs list` 查看</translation>
    </message>
    <message>
        <source>Job {code} is closed and cannot go on air: reopen it first</source>
        <translation>岗位 {code} 已关闭，不能上屏：请先重新开放这个岗位</translation>
    </message>
    <message>
        <source>On air (files only): {code}, sign-up link {url}; images in {folder}</source>
        <translation>已上屏（仅文件）：{code}，报名链接 {url}；图片在 {folder}</translation>
    </message>
    <message>
        <source>On air: {code}, sign-up link {url}</source>
        <translation>已上屏：{code}，报名链接 {url}</translation>
    </message>
    <message>
        <source>Sign-up counter on air: {count} signed up</source>
        <translation>报名人数已上屏：已报名 {count} 人</translation>
    </message>
    <message>
        <source>Overlay off air</source>
        <translation>叠加层已下屏</translation>
    </message>
    <message>
        <source>viewer sign-ups (the registration desk)</source>
        <translation>观众报名（登记台）</translation>
    </message>
    <message>
        <source>register a viewer for a job</source>
        <translation>为观众登记报名岗位</translation>
    </message>
    <message>
        <source>job code</source>
        <translation>岗位编号</translation>
    </message>
    <message>
        <source>name or form of address</source>
        <translation>姓名或称呼</translation>
    </message>
    <message>
        <source>mobile number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>age in years (16-80)</source>
        <translation>年龄（16-80 岁）</translation>
    </message>
    <message>
        <source>year of birth, instead of the age</source>
        <translation>出生年份（可代替年龄）</translation>
    </message>
    <message>
        <source>male/男 or female/女, only when the job requires it</source>
        <translation>male/男 或 female/女，仅在岗位要求时填写</translation>
    </message>
    <message>
        <source>city the viewer lives in</source>
        <translation>现居城市</translation>
    </message>
    <message>
        <source>city the viewer wants to work in</source>
        <translation>期望工作城市</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>how the sign-up came: phone/电话, comment/评论, dm/私信, walk_in/现场, qr/扫码, import/导入</source>
        <translation>报名来源：phone/电话、comment/评论、dm/私信、walk_in/现场、qr/扫码、import/导入</translation>
    </message>
    <message>
        <source>how consent was given: verbal/口头, checkbox/勾选, written/书面</source>
        <translation>同意方式：verbal/口头、checkbox/勾选、written/书面</translation>
    </message>
    <message>
        <source>version of the privacy notice the viewer heard (default {version})</source>
        <translation>告知观众的隐私告知版本（默认 {version}）</translation>
    </message>
    <message>
        <source>save even when the number already signed up for this job or is not an assigned mobile number</source>
        <translation>即使该号码已报名此岗位，或不属于已分配的手机号段，也照样保存</translation>
    </message>
    <message>
        <source>list sign-ups, newest first</source>
        <translation>列出报名记录，最新的在前</translation>
    </message>
    <message>
        <source>show names and phone numbers in full (never while on air)</source>
        <translation>显示完整姓名和手机号（直播时切勿使用）</translation>
    </message>
    <message>
        <source>name, job, note or part of the phone number</source>
        <translation>按称呼、岗位、备注或部分手机号搜索</translation>
    </message>
    <message>
        <source>at most this many (default {count})</source>
        <translation>最多显示条数（默认 {count}）</translation>
    </message>
    <message>
        <source>only this source</source>
        <translation>只看此来源</translation>
    </message>
    <message>
        <source>export sign-ups to .xlsx or .csv</source>
        <translation>把报名记录导出为 .xlsx 或 .csv</translation>
    </message>
    <message>
        <source>mask names and phone numbers (138****5678) in the file</source>
        <translation>文件中的姓名和手机号打码（138****5678）</translation>
    </message>
    <message>
        <source>only this session (its id)</source>
        <translation>只看此场次（场次编号）</translation>
    </message>
    <message>
        <source>only this job code</source>
        <translation>只看此岗位编号</translation>
    </message>
    <message>
        <source>from this day or time on (2026-11-26 or 2026-11-26 20:00)</source>
        <translation>从此日期或时间起（2026-11-26 或 2026-11-26 20:00）</translation>
    </message>
    <message>
        <source>up to and including this day, or before this time</source>
        <translation>截至此日期（含当天），或此时间之前</translation>
    </message>
    <message>
        <source>{option}: {problem}</source>
        <translation>{option}：{problem}</translation>
    </message>
    <message>
        <source>write a whole number such as 25</source>
        <translation>请填写整数，例如 25</translation>
    </message>
    <message>
        <source>write a day such as 2026-11-26 or a time such as 2026-11-26 20:00</source>
        <translation>请写成日期如 2026-11-26，或时间如 2026-11-26 20:00</translation>
    </message>
    <message>
        <source>{id} {name}, registered {time}</source>
        <translation>{id} {name}，登记于 {time}</translation>
    </message>
    <message>
        <source> (and {count} more)</source>
        <translation>（另有 {count} 条）</translation>
    </message>
    <message>
        <source>this phone number already signed up for job {code}: {earlier}. Add --force to register it again</source>
        <translation>该手机号已报名岗位 {code}：{earlier}。如确需再次登记，请加 --force</translation>
    </message>
    <message>
        <source>{phone} is not an assigned mobile number: check it with the viewer, or add --force to save it as it is</source>
        <translation>{phone} 不属于已分配的手机号段：请与观众核对，或加 --force 照原样保存</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>称呼</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Shown: {shown} of {total}</source>
        <translation>显示 {shown} 条，共 {total} 条</translation>
    </message>
    <message>
        <source>{file}: sign-ups can only be exported to .xlsx or .csv: end the file name with one of them</source>
        <translation>{file}：报名记录只能导出为 .xlsx 或 .csv：请让文件名以其中之一结尾</translation>
    </message>
    <message>
        <source>Sign-ups exported to {file}: {count}</source>
        <translation>报名记录已导出到 {file}：{count} 条</translation>
    </message>
    <message>
        <source>the hub server that collects sign-ups from every PC</source>
        <translation>汇总各台电脑报名数据的中心服务器</translation>
    </message>
    <message>
        <source>sign-up counts from the hub</source>
        <translation>查看中心服务器上的报名统计</translation>
    </message>
    <message>
        <source>the hub&apos;s address (default: $HOSTDESK_HUB_URL or settings)</source>
        <translation>总部服务器地址（默认：$HOSTDESK_HUB_URL 或设置中的地址）</translation>
    </message>
    <message>
        <source>the device token (default: $HOSTDESK_HUB_TOKEN or settings)</source>
        <translation>本机令牌（默认：$HOSTDESK_HUB_TOKEN 或设置中的令牌）</translation>
    </message>
    <message>
        <source>This installation has no hub server (the desktop bundle leaves it out): run the hub from a source installation, see docs/hub-api.md</source>
        <translation>此安装不含中心服务器（桌面安装包不带服务器）：请用源码安装运行，见 docs/hub-api.md</translation>
    </message>
    <message>
        <source>the same as hostdesk-hub {verb}</source>
        <translation>与 hostdesk-hub {verb} 相同</translation>
    </message>
    <message>
        <source>No hub address: give --hub-url or set HOSTDESK_HUB_URL</source>
        <translation>没有中心服务器地址：请用 --hub-url 指定，或设置 HOSTDESK_HUB_URL</translation>
    </message>
    <message>
        <source>The hub at {url} cannot be reached ({reason})</source>
        <translation>无法连接中心服务器 {url}（{reason}）</translation>
    </message>
    <message>
        <source>The hub refused the token: check --hub-token</source>
        <translation>中心服务器拒绝了令牌：请检查 --hub-token</translation>
    </message>
    <message>
        <source>The hub answered {status}, not the counts</source>
        <translation>中心服务器返回 {status}，没有返回统计数据</translation>
    </message>
    <message>
        <source>Sign-ups: {total}</source>
        <translation>报名人数：{total}</translation>
    </message>
    <message>
        <source>send sign-ups to the hub and fetch from it</source>
        <translation>向总部服务器发送报名并获取更新</translation>
    </message>
    <message>
        <source>send, fetch and check once, then exit (default: run until Ctrl+C)</source>
        <translation>发送、获取并核对一次后退出（默认：一直运行，直到按 Ctrl+C）</translation>
    </message>
    <message>
        <source>count sign-up changes by sync state</source>
        <translation>按同步状态统计报名记录的变更数</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Last success</source>
        <translation>上次成功</translation>
    </message>
    <message>
        <source>Next try</source>
        <translation>下次重试</translation>
    </message>
    <message>
        <source>Sync is switched off in the settings ([sync] enabled = false)</source>
        <translation>设置中已关闭同步（[sync] enabled = false）</translation>
    </message>
    <message>
        <source>{state}: {unsynced} waiting, {attention} need attention</source>
        <translation>{state}：{unsynced} 条待同步，{attention} 条需处理</translation>
    </message>
    <message>
        <source>send new and edited jobs to the hub&apos;s catalogue</source>
        <translation>把新增和改过的岗位发布到总部服务器的岗位库</translation>
    </message>
    <message>
        <source>Not published: {reason}</source>
        <translation>未发布：{reason}</translation>
    </message>
    <message>
        <source>{code}: changed on the hub and here; choose a version in the window</source>
        <translation>{code}：总部服务器和本机都改过这个岗位，请在窗口中选择保留哪个版本</translation>
    </message>
    <message>
        <source>{code}: removed from the hub; it is sent again as a new job</source>
        <translation>{code}：总部服务器上已删除，将作为新岗位重新发布</translation>
    </message>
    <message>
        <source>Published: {created} new, {updated} updated, {conflicts} conflicts</source>
        <translation>已发布：新增 {created} 个，更新 {updated} 个，冲突 {conflicts} 个</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>The code on air holds {address}, which viewers&apos; phones cannot open; the hub says they open {public}: put it in Settings as the hub address</source>
        <translation>屏幕上的二维码指向 {address}，观众的手机打不开；总部服务器告知手机应打开 {public}：请在设置中把它填为总部服务器地址</translation>
    </message>
    <message>
        <source>The code on air holds {address}, an address of this local network: viewers of a public stream cannot open it. Put the hub&apos;s public address in Settings</source>
        <translation>屏幕上的二维码指向 {address}，这是本地局域网地址：公开直播的观众打不开。请在设置中填写总部服务器的公网地址</translation>
    </message>
    <message>
        <source>The code on air holds {address}: no viewer&apos;s phone can open it. Put the hub&apos;s public address in Settings</source>
        <translation>屏幕上的二维码指向 {address}：观众的手机都打不开。请在设置中填写总部服务器的公网地址</translation>
    </message>
    <message>
        <source>{title} was changed on the hub and here: viewers see the hub&apos;s version until you choose one (Job conflicts)</source>
        <translation>{title} 在总部服务器和本机都改过：在您选定版本之前，观众扫码看到的是总部服务器上的版本（见“岗位冲突”）</translation>
    </message>
    <message>
        <source>{title} was dropped from the hub&apos;s catalogue: viewers who scan the code see “job not found” until you keep it (it is then sent to the hub again) or close it</source>
        <translation>{title} 已被移出总部服务器的岗位库：观众扫码会看到“找不到这个岗位”，请决定保留（将重新发布到总部服务器）或关闭该岗位</translation>
    </message>
    <message>
        <source>{title} is being sent to the hub: the code on air works as soon as the hub has it</source>
        <translation>{title} 正在发布到总部服务器：服务器收到后，屏幕上的二维码即可打开</translation>
    </message>
    <message>
        <source>Nothing in the preview: pick a job or press 1–9 first</source>
        <translation>预览里没有岗位：先选一个岗位，或按 1–9</translation>
    </message>
    <message>
        <source>Slot {slot} of the rundown is empty</source>
        <translation>节目单第 {slot} 位是空的</translation>
    </message>
    <message>
        <source>The rundown has no job that can go on air</source>
        <translation>节目单里没有可以上屏的岗位</translation>
    </message>
    <message>
        <source>Job {code} is not in the catalogue</source>
        <translation>岗位库里没有编号为 {code} 的岗位</translation>
    </message>
    <message>
        <source>{title} is closed and cannot go on air</source>
        <translation>「{title}」已关闭，不能上屏</translation>
    </message>
    <message>
        <source>{title} has compliance warnings: not taken</source>
        <translation>「{title}」有合规提示，未上屏</translation>
    </message>
    <message>
        <source>Auto-rotate paused by a manual take</source>
        <translation>手动上屏，自动轮播已暂停</translation>
    </message>
    <message>
        <source>On air without a QR code: fill in the hub address in Settings</source>
        <translation>已上屏，但没有二维码：请在设置里填写服务器地址</translation>
    </message>
    <message>
        <source>{title} is not in the hub&apos;s catalogue: viewers who scan the code will see “job not found”. Ask the office to add it, or give the job its own sign-up link</source>
        <translation>「{title}」不在总部岗位库里：观众扫码会看到“没有找到这个岗位”。请让总部把它加进岗位库，或给这个岗位填写自己的报名链接</translation>
    </message>
    <message>
        <source>{title} was on air before the restart but is no longer in the catalogue: not put back on air</source>
        <translation>{title} 重启前在屏幕上，但已不在岗位库里：不会重新上屏</translation>
    </message>
    <message>
        <source>{title} was on air before the restart but is closed now: not put back on air</source>
        <translation>{title} 重启前在屏幕上，但现已关闭：不会重新上屏</translation>
    </message>
    <message>
        <source>{title} was on air before the restart but the hub dropped it: not put back on air</source>
        <translation>{title} 重启前在屏幕上，但总部已将其下架：不会重新上屏</translation>
    </message>
    <message>
        <source>Next job in {seconds} s</source>
        <translation>{seconds} 秒后换下一个岗位</translation>
    </message>
    <message>
        <source>Could not put the job on air: {reason}</source>
        <translation>岗位没能上屏：{reason}</translation>
    </message>
</context>
<context>
    <name>Counter</name>
    <message>
        <source>{count} signed up</source>
        <translation>已报名 {count} 人</translation>
    </message>
    <message>
        <source>{name} just signed up for {title}</source>
        <translation>{name} 刚刚报名 {title}</translation>
    </message>
    <message>
        <source>{name} signed up {minutes} min ago for {title}</source>
        <translation>{name} {minutes} 分钟前报名 {title}</translation>
    </message>
</context>
<context>
    <name>EditRegistrationDialog</name>
    <message>
        <source>Edit the sign-up</source>
        <translation>修改报名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>称呼</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Age or year of birth</source>
        <translation>年龄或出生年份</translation>
    </message>
    <message>
        <source>Lives in</source>
        <translation>现居城市</translation>
    </message>
    <message>
        <source>Wants to work in</source>
        <translation>期望城市</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{masked} (type to replace)</source>
        <translation>{masked}（输入即替换）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意方式</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>EmployerExportForm</name>
    <message>
        <source>For an employer</source>
        <translation>为用人单位导出</translation>
    </message>
    <message>
        <source>Only the viewers who agreed to be passed to the employer, with their full name and number; no internal columns</source>
        <translation>只导出勾选了“同意提供给用人单位”的报名者，姓名和手机号完整显示；不含内部编号、场次、告知版本和同步状态等内部列</translation>
    </message>
    <message>
        <source>As the list&apos;s filters</source>
        <translation>按列表的筛选</translation>
    </message>
    <message>
        <source>Every employer</source>
        <translation>全部用人单位</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>薪资</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>福利</translation>
    </message>
    <message>
        <source>Openings</source>
        <translation>招聘人数</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Minimum age</source>
        <translation>最低年龄</translation>
    </message>
    <message>
        <source>Maximum age</source>
        <translation>最高年龄</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>要求</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>亮点</translation>
    </message>
    <message>
        <source>Sign-up link</source>
        <translation>报名链接</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>急招</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>招聘中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>FirstRunGuide</name>
    <message>
        <source>Welcome to HostDesk</source>
        <translation>欢迎使用 HostDesk</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>HostDesk puts job cards and sign-up QR codes into your live stream through OBS Studio. A few quick steps: connect to OBS, to the agency&apos;s hub if you have one, then choose your job list.</source>
        <translation>HostDesk 通过 OBS Studio 把岗位卡片和报名二维码放进直播画面。只需几步：连接 OBS，连接总部服务器（如有），再选择岗位列表。</translation>
    </message>
    <message>
        <source>Connect to OBS</source>
        <translation>连接 OBS</translation>
    </message>
    <message>
        <source>In OBS open Tools → WebSocket Server Settings, tick “Enable WebSocket server”, then click “Show Connect Info” for the port and the password.</source>
        <translation>在 OBS 中打开「工具 → WebSocket 服务器设置」，勾选「开启 WebSocket 服务器」，再点「显示连接信息」查看端口和密码。</translation>
    </message>
    <message>
        <source>No OBS yet? Click Next: you can set it up later in Settings.</source>
        <translation>还没装 OBS？直接点「下一步」，以后可以在「设置」里再配置。</translation>
    </message>
    <message>
        <source>Connect to the hub</source>
        <translation>连接总部服务器</translation>
    </message>
    <message>
        <source>The agency&apos;s hub puts each job&apos;s sign-up page behind the QR code and gathers the sign-ups of every PC. The office gives you its address and this PC&apos;s token.</source>
        <translation>总部服务器为每个岗位提供二维码背后的报名页，并汇总各台电脑的报名。地址和本机令牌由后台提供。</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Token for this PC</source>
        <translation>本机令牌</translation>
    </message>
    <message>
        <source>No hub yet? Click Next: you can set it up later in Settings.</source>
        <translation>还没有总部服务器？点“下一步”跳过，以后可在“设置”中填写。</translation>
    </message>
    <message>
        <source>The hub address must start with https:// or http://</source>
        <translation>服务器地址必须以 https:// 或 http:// 开头</translation>
    </message>
    <message>
        <source>Your job list</source>
        <translation>岗位列表</translation>
    </message>
    <message>
        <source>Load the demo jobs, to try everything out first</source>
        <translation>加载示例岗位，先试用一下</translation>
    </message>
    <message>
        <source>Import my own job sheet (.xlsx or .csv)</source>
        <translation>导入我自己的岗位表（.xlsx 或 .csv）</translation>
    </message>
    <message>
        <source>Start with an empty list</source>
        <translation>从空列表开始</translation>
    </message>
    <message>
        <source>The settings could not be saved ({detail}): check the disk and try again</source>
        <translation>设置保存失败（{detail}）：请检查磁盘后重试</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>About HostDesk</source>
        <translation>关于 HostDesk</translation>
    </message>
    <message>
        <source>The user guide was not found: {path}</source>
        <translation>找不到使用说明：{path}</translation>
    </message>
    <message>
        <source>HostDesk {version}

Job cards and the QR captions use HostDesk Sans, made from Noto Sans CJK SC by Adobe, under the {licence} (OFL.txt beside the fonts).</source>
        <translation>HostDesk {version}

岗位卡片和二维码说明使用 HostDesk Sans 字体，该字体由 Noto Sans CJK SC（Adobe）制作，依据 {licence} 授权（许可证全文见字体旁的 OFL.txt）。</translation>
    </message>
</context>
<context>
    <name>Hotkeys</name>
    <message>
        <source>Put the selected job on air</source>
        <translation>上屏选中的岗位</translation>
    </message>
    <message>
        <source>Next job in the rundown</source>
        <translation>节目单下一个岗位</translation>
    </message>
    <message>
        <source>Previous job in the rundown</source>
        <translation>节目单上一个岗位</translation>
    </message>
    <message>
        <source>Take the overlay off air</source>
        <translation>撤下叠加层</translation>
    </message>
    <message>
        <source>Auto-rotate on/off</source>
        <translation>开/关自动轮播</translation>
    </message>
</context>
<context>
    <name>HotkeysForm</name>
    <message>
        <source>Press a key here to add it</source>
        <translation>在这里按一个键即可添加</translation>
    </message>
    <message>
        <source>Separate alternatives with “; ”, for example Right; PgDown. Keys 1 to 9 preview rundown slots 1 to 9 and Ctrl+1 to 9 put them on air: those are fixed.</source>
        <translation>多个按键用“; ”分隔，例如 Right; PgDown。数字键 1～9 预览节目单第 1～9 个岗位，Ctrl+1～9 直接上屏，这些键固定不变。</translation>
    </message>
    <message>
        <source>Restore default keys</source>
        <translation>恢复默认快捷键</translation>
    </message>
    <message>
        <source>{key} is already used for “{action}”: choose another key</source>
        <translation>{key} 已用于「{action}」：请换一个键</translation>
    </message>
    <message>
        <source>{key} is kept for the rundown slots: choose another key</source>
        <translation>{key} 固定用于节目单的岗位位置：请换一个键</translation>
    </message>
    <message>
        <source>“{key}” is several keys in a row: use one key, with Ctrl/Shift/Alt if needed</source>
        <translation>「{key}」是连续按多个键：请只用一个键，需要时可加 Ctrl/Shift/Alt</translation>
    </message>
    <message>
        <source>“{key}” is not a key name: press the key in the box on the right instead</source>
        <translation>「{key}」不是有效的按键名：请在右边的框里直接按下该键</translation>
    </message>
</context>
<context>
    <name>HubConnectionTest</name>
    <message>
        <source>Fill in the hub address and this PC&apos;s token first</source>
        <translation>请先填写总部服务器地址和本机令牌</translation>
    </message>
    <message>
        <source>The hub at {address} does not know this token, or it was revoked: ask the office for this PC&apos;s token</source>
        <translation>{address} 的总部服务器不认识这个令牌，或令牌已被吊销：请向后台索取本机的令牌</translation>
    </message>
    <message>
        <source>The hub at {address} refused this token (its account is disabled): ask the office for a new one</source>
        <translation>{address} 的总部服务器拒绝了这个令牌（账号已停用）：请向后台索取新令牌</translation>
    </message>
    <message>
        <source>No hub answers at {address}: check the address (the hub&apos;s own, like https://hub.example.cn)</source>
        <translation>{address} 不是总部服务器：请检查地址（应为总部服务器的地址，如 https://hub.example.cn）</translation>
    </message>
    <message>
        <source>Could not reach {address}: check the address and this PC&apos;s network connection</source>
        <translation>连不上 {address}：请检查地址和本机的网络连接</translation>
    </message>
    <message>
        <source>{address} answered, but not as the hub: a Wi-Fi login page, or the wrong address?</source>
        <translation>{address} 有回应，但不是总部服务器：可能是需要登录的 Wi-Fi，或地址填错了</translation>
    </message>
    <message>
        <source>The hub at {address} has a problem right now: try again in a minute, or tell the office</source>
        <translation>{address} 的总部服务器暂时出错：请稍后再试，或告诉后台</translation>
    </message>
    <message>
        <source>{address} is this computer&apos;s own address: no viewer&apos;s phone can open the QR code. Put the hub&apos;s public address here</source>
        <translation>{address} 是本机自己的地址：观众的手机都打不开二维码。请在这里填写总部服务器的公网地址</translation>
    </message>
    <message>
        <source>{address} is a listening address, not one a phone can go to: put the hub&apos;s public address here</source>
        <translation>{address} 是监听地址，手机无法访问：请在这里填写总部服务器的公网地址</translation>
    </message>
    <message>
        <source>{address} only works on this cable: viewers&apos; phones cannot open the QR code. Put the hub&apos;s public address here</source>
        <translation>{address} 只在本机所连的网线上有效：观众的手机打不开二维码。请在这里填写总部服务器的公网地址</translation>
    </message>
    <message>
        <source>{address} is an address of this local network: viewers of a public stream cannot open the QR code. Put the hub&apos;s public address here</source>
        <translation>{address} 是局域网地址：公开直播的观众打不开二维码。请在这里填写总部服务器的公网地址</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Connecting to the hub…</source>
        <translation>正在连接总部服务器…</translation>
    </message>
    <message>
        <source>Connected: this PC is “{name}” on the hub</source>
        <translation>已连接：本机在总部服务器上的名称是“{name}”</translation>
    </message>
    <message>
        <source>The test failed unexpectedly ({detail})</source>
        <translation>测试意外失败（{detail}）</translation>
    </message>
    <message>
        <source> (the hub says its public address is {public})</source>
        <translation>（总部服务器告知其公网地址为 {public}）</translation>
    </message>
</context>
<context>
    <name>ImportFilePage</name>
    <message>
        <source>Choose a job sheet</source>
        <translation>选择岗位表</translation>
    </message>
    <message>
        <source>An .xlsx or .csv file with one job per row.</source>
        <translation>一个 .xlsx 或 .csv 文件，每行一个岗位。</translation>
    </message>
    <message>
        <source>Path of the .xlsx or .csv file</source>
        <translation>.xlsx 或 .csv 文件的路径</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Import job sheet</source>
        <translation>导入岗位表</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ImportPreviewPage</name>
    <message>
        <source>Check before importing</source>
        <translation>导入前核对</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>Nothing has been saved yet. Importing {file} will give:</source>
        <translation>还没有保存任何内容。导入 {file} 的结果将是：</translation>
    </message>
    <message>
        <source>No row of {file} can be imported: correct the rows below, or go back and choose another file.</source>
        <translation>{file} 中没有可以导入的行：请改正下面列出的行，或点“上一步”另选文件。</translation>
    </message>
    <message>
        <source>{created} new, {updated} updated, {unchanged} unchanged, {refused} refused</source>
        <translation>新增 {created} 个，更新 {updated} 个，未变 {unchanged} 个，{refused} 行被拒绝</translation>
    </message>
    <message>
        <source>{count} rows will be imported with the warnings below; correct the sheet where they matter:</source>
        <translation>以下 {count} 行会带着提醒导入；需要的话请在表格里改正：</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Every row can be imported.</source>
        <translation>所有行都可以导入。</translation>
    </message>
    <message>
        <source>{count} rows will not be imported; correct them in the sheet and import it again:</source>
        <translation>以下 {count} 行不会导入，请在表格中改正后重新导入：</translation>
    </message>
    <message>
        <source>… and {count} more problems</source>
        <translation>……还有 {count} 个问题</translation>
    </message>
    <message>
        <source>{problem}
Go back to choose another file.</source>
        <translation>{problem}
请点“上一步”另选文件。</translation>
    </message>
</context>
<context>
    <name>ImportProgressPage</name>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Saving the jobs…</source>
        <translation>正在保存岗位…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Saved {done} of {total} jobs…</source>
        <translation>已保存 {done} / {total} 个岗位…</translation>
    </message>
</context>
<context>
    <name>ImportSummaryPage</name>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>{created} new, {updated} updated, {unchanged} unchanged, {refused} rows refused. The catalogue is saved.</source>
        <translation>新增 {created} 个，更新 {updated} 个，未变 {unchanged} 个，{refused} 行被拒绝。岗位库已保存。</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>导入已取消</translation>
    </message>
    <message>
        <source>Nothing was written: the catalogue is as it was.</source>
        <translation>没有写入任何内容，岗位库保持原样。</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Nothing was written: {problem}</source>
        <translation>没有写入任何内容：{problem}</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>… and {count} more warnings</source>
        <translation>……还有 {count} 条提醒</translation>
    </message>
    <message>
        <source>Import job sheet</source>
        <translation>导入岗位表</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
</context>
<context>
    <name>JobConflictsDialog</name>
    <message>
        <source>Job conflicts with the hub</source>
        <translation>与总部的岗位冲突</translation>
    </message>
    <message>
        <source>These jobs were edited here while the agency changed them on the hub. Your version is kept until you choose.</source>
        <translation>这些岗位在本机改过，同时总部也改了。在您选择之前，保留本机的版本。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Fields that differ</source>
        <translation>不同的内容</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Mine (kept now)</source>
        <translation>本机（当前保留）</translation>
    </message>
    <message>
        <source>The hub&apos;s</source>
        <translation>总部的</translation>
    </message>
    <message>
        <source>Take the hub&apos;s</source>
        <translation>用总部的</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留本机的</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>JobEditorDialog</name>
    <message>
        <source>New job</source>
        <translation>新建岗位</translation>
    </message>
    <message>
        <source>Edit job {code}</source>
        <translation>编辑岗位 {code}</translation>
    </message>
    <message>
        <source>Duplicate job {code}</source>
        <translation>复制岗位 {code}</translation>
    </message>
    <message>
        <source>e.g. 5000-6500元/月, 22元/小时 or 面议</source>
        <translation>如 5000-6500元/月、22元/小时 或 面议</translation>
    </message>
    <message>
        <source>e.g. 18-45岁, 45岁以下; empty means no limit</source>
        <translation>如 18-45岁、45岁以下；留空表示不限</translation>
    </message>
    <message>
        <source>separate with 、 or commas: 包吃住、五险一金</source>
        <translation>用顿号或逗号分隔：包吃住、五险一金</translation>
    </message>
    <message>
        <source>a number, or leave empty</source>
        <translation>填写数字，或留空</translation>
    </message>
    <message>
        <source>Card preview (as shown on air)</source>
        <translation>卡片预览（与直播画面一致）</translation>
    </message>
    <message>
        <source>Compliance warnings</source>
        <translation>合规提示</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close job</source>
        <translation>关闭岗位</translation>
    </message>
    <message>
        <source>Save this job as closed: it stays in the list but cannot go on air</source>
        <translation>将岗位保存为已关闭：仍保留在列表中，但不能再上播</translation>
    </message>
    <message>
        <source>generated: {code}</source>
        <translation>自动生成：{code}</translation>
    </message>
    <message>
        <source>on the card: {value}</source>
        <translation>卡片显示为：{value}</translation>
    </message>
    <message>
        <source>no age limit</source>
        <translation>年龄不限</translation>
    </message>
    <message>
        <source>No warnings</source>
        <translation>没有合规提示</translation>
    </message>
    <message>
        <source>The preview failed: {detail}</source>
        <translation>预览失败：{detail}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>The job was not saved: {detail}</source>
        <translation>岗位未保存：{detail}</translation>
    </message>
    <message>
        <source>Enter the job title</source>
        <translation>请填写岗位名称</translation>
    </message>
    <message>
        <source>code “{text}” is already used by another job: choose another code</source>
        <translation>编号「{text}」已被其他岗位使用：请换一个编号</translation>
    </message>
    <message>
        <source>this job is no longer in the catalogue: close this window and reload the list</source>
        <translation>岗位库中已没有这个岗位：请关闭本窗口并刷新列表</translation>
    </message>
</context>
<context>
    <name>JobTableModel</name>
    <message>
        <source>Warnings</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>Layout</name>
    <message>
        <source>Lower third (landscape)</source>
        <translation>横屏下三分之一</translation>
    </message>
    <message>
        <source>Side card (landscape)</source>
        <translation>横屏侧栏卡片</translation>
    </message>
    <message>
        <source>Vertical (phone)</source>
        <translation>竖屏（手机）</translation>
    </message>
</context>
<context>
    <name>Lint</name>
    <message>
        <source>gender requirement “{text}” is discrimination under Chinese law: remove it</source>
        <translation>性别要求「{text}」属于就业歧视，违反劳动法规：请删除</translation>
    </message>
    <message>
        <source>looks or height requirement “{text}” is discrimination: remove it</source>
        <translation>外貌或身高要求「{text}」属于就业歧视：请删除</translation>
    </message>
    <message>
        <source>ethnic requirement “{text}” is unlawful discrimination: remove it</source>
        <translation>民族要求「{text}」属于违法的就业歧视：请删除</translation>
    </message>
    <message>
        <source>excluding people by region (“{text}”) is unlawful discrimination: remove it</source>
        <translation>按地域排除求职者（「{text}」）属于违法的就业歧视：请删除</translation>
    </message>
    <message>
        <source>marital or pregnancy condition “{text}” is unlawful: remove it</source>
        <translation>婚育条件「{text}」违法：请删除</translation>
    </message>
    <message>
        <source>absolute claim “{text}” is banned by advertising law: reword it</source>
        <translation>「{text}」属于广告法禁止的绝对化用语：请改写</translation>
    </message>
    <message>
        <source>maximum age {text} is under 16, which the Labour Law forbids: correct the age band</source>
        <translation>最高年龄 {text} 岁低于 16 岁，劳动法禁止招用：请改正年龄范围</translation>
    </message>
    <message>
        <source>minimum age {text} is under 16, which the Labour Law forbids: raise it to 16 or more</source>
        <translation>最低年龄 {text} 岁低于 16 岁，劳动法禁止招用：请改为 16 岁及以上</translation>
    </message>
    <message>
        <source>no pay given: viewers ask first about pay; write a range or 面议</source>
        <translation>未填写薪资：观众最关心薪资，请填写范围或“面议”</translation>
    </message>
    <message>
        <source>pay minimum is above its maximum ({text}): correct the range</source>
        <translation>薪资下限高于上限（{text}）：请改正范围</translation>
    </message>
    <message>
        <source>minimum age is above the maximum ({text}): correct the range</source>
        <translation>最低年龄高于最高年龄（{text}）：请改正范围</translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <translation>{field}：{message}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>HostDesk – live recruitment assistant</source>
        <translation>直播带岗助手 HostDesk</translation>
    </message>
    <message>
        <source>TAKE (Space)</source>
        <translation>上屏（空格）</translation>
    </message>
    <message>
        <source>Compliance warnings</source>
        <translation>合规提示</translation>
    </message>
    <message>
        <source>Loading jobs…</source>
        <translation>正在加载岗位…</translation>
    </message>
    <message>
        <source>Clear (Esc)</source>
        <translation>下屏（Esc）</translation>
    </message>
    <message>
        <source>Sign-up counter</source>
        <translation>报名人数</translation>
    </message>
    <message>
        <source>Show how many have signed up for the job on air, and the newest sign-up</source>
        <translation>在画面上显示当前岗位的报名人数和最新报名</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>On air</source>
        <translation>正在上屏</translation>
    </message>
    <message>
        <source>Job catalogue</source>
        <translation>岗位库</translation>
    </message>
    <message>
        <source>Sign-ups</source>
        <translation>报名登记</translation>
    </message>
    <message>
        <source>Tonight&apos;s rundown</source>
        <translation>今晚的节目单</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import job sheet…</source>
        <translation>导入岗位表(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export catalogue…</source>
        <translation>导出岗位库(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>岗位(&amp;J)</translation>
    </message>
    <message>
        <source>Find a job</source>
        <translation>查找岗位</translation>
    </message>
    <message>
        <source>&amp;New job…</source>
        <translation>新建岗位(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit job…</source>
        <translation>编辑岗位(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Duplicate job…</source>
        <translation>复制岗位(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Close job</source>
        <translation>关闭岗位(&amp;C)</translation>
    </message>
    <message>
        <source>Publish to the hub</source>
        <translation>发布到中心</translation>
    </message>
    <message>
        <source>&amp;Live</source>
        <translation>直播(&amp;L)</translation>
    </message>
    <message>
        <source>Take the preview</source>
        <translation>预览岗位上屏</translation>
    </message>
    <message>
        <source>Next job</source>
        <translation>下一个岗位</translation>
    </message>
    <message>
        <source>Previous job</source>
        <translation>上一个岗位</translation>
    </message>
    <message>
        <source>Clear the overlay</source>
        <translation>下屏（清空叠加层）</translation>
    </message>
    <message>
        <source>Start or stop the session…</source>
        <translation>开始或结束直播…</translation>
    </message>
    <message>
        <source>Show report…</source>
        <translation>直播复盘报告…</translation>
    </message>
    <message>
        <source>Sign-up form</source>
        <translation>报名登记表</translation>
    </message>
    <message>
        <source>Auto-rotate on or off</source>
        <translation>开关自动轮播</translation>
    </message>
    <message>
        <source>Preview rundown slot {slot}</source>
        <translation>预览节目单第 {slot} 个岗位</translation>
    </message>
    <message>
        <source>Take rundown slot {slot}</source>
        <translation>节目单第 {slot} 个岗位上屏</translation>
    </message>
    <message>
        <source>Slot {slot} is empty</source>
        <translation>第 {slot} 位是空的</translation>
    </message>
    <message>
        <source>Quit during the show?</source>
        <translation>直播中要退出吗？</translation>
    </message>
    <message>
        <source>The show is live. Quit HostDesk anyway? The hotkeys, the sign-up form and the counter stop until HostDesk is open again.</source>
        <translation>正在直播。仍要退出 HostDesk 吗？在重新打开 HostDesk 之前，快捷键、报名登记表和报名人数都会停止工作。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>继续运行</translation>
    </message>
    <message>
        <source>The new language is used from the next start of HostDesk.</source>
        <translation>新的界面语言将在下次启动 HostDesk 时生效。</translation>
    </message>
    <message>
        <source>Publishing the jobs to the hub…</source>
        <translation>正在把岗位发布到总部服务器…</translation>
    </message>
    <message>
        <source>Pick a job first</source>
        <translation>请先选一个岗位</translation>
    </message>
    <message>
        <source>Close job</source>
        <translation>关闭岗位</translation>
    </message>
    <message>
        <source>Close {title}? It stays in the catalogue but can no longer go on air.</source>
        <translation>关闭「{title}」吗？岗位会留在岗位库里，但不能再上屏。</translation>
    </message>
    <message>
        <source>Sign-up link: {url}</source>
        <translation>报名链接：{url}</translation>
    </message>
    <message>
        <source>Sent to OBS…</source>
        <translation>已发送到 OBS…</translation>
    </message>
    <message>
        <source>On air in the output folder only: OBS is not connected</source>
        <translation>只写入了输出文件夹：OBS 未连接</translation>
    </message>
    <message>
        <source>On air in OBS ({ms:.0f} ms)</source>
        <translation>OBS 已上屏（{ms:.0f} 毫秒）</translation>
    </message>
    <message>
        <source>OBS did not answer: check that OBS is responding</source>
        <translation>OBS 没有回应：请检查 OBS 是否正常运行</translation>
    </message>
    <message>
        <source>Off air</source>
        <translation>未上屏</translation>
    </message>
    <message>
        <source>Overlay cleared</source>
        <translation>已下屏</translation>
    </message>
    <message>
        <source>{title} has compliance warnings:</source>
        <translation>「{title}」有合规提示：</translation>
    </message>
    <message>
        <source>Show it anyway</source>
        <translation>仍然上屏</translation>
    </message>
    <message>
        <source>Don&apos;t show</source>
        <translation>不上屏</translation>
    </message>
    <message>
        <source>{shown} of {total} jobs shown · {warned} with warnings</source>
        <translation>显示 {shown} / 共 {total} 个岗位 · {warned} 个有合规提示</translation>
    </message>
    <message>
        <source>No warnings for {0}</source>
        <translation>「{0}」没有合规提示</translation>
    </message>
</context>
<context>
    <name>ObsConnectionForm</name>
    <message>
        <source>The address must start with ws://, for example ws://127.0.0.1:4455</source>
        <translation>地址必须以 ws:// 开头，例如 ws://127.0.0.1:4455</translation>
    </message>
    <message>
        <source>OBS&apos;s WebSocket server does not use encryption: write ws:// instead of wss://</source>
        <translation>OBS 的 WebSocket 服务器不使用加密：请把 wss:// 改成 ws://</translation>
    </message>
    <message>
        <source>The address names no computer: write it like ws://127.0.0.1:4455 (127.0.0.1 is this computer)</source>
        <translation>地址里缺少电脑地址：请写成 ws://127.0.0.1:4455 这样（127.0.0.1 表示本机）</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535, as shown in OBS (4455 unless changed)</source>
        <translation>端口必须是 1 到 65535 之间的数字，以 OBS 里显示的为准（默认 4455）</translation>
    </message>
    <message>
        <source>OBS is not running at {address}, or its WebSocket server is off: start OBS and turn the server on in Tools → WebSocket Server Settings</source>
        <translation>{address} 上没有运行 OBS，或 WebSocket 服务器未开启：请启动 OBS，并在「工具 → WebSocket 服务器设置」中开启</translation>
    </message>
    <message>
        <source>OBS at {address} refused the password: copy it from Tools → WebSocket Server Settings → Show Connect Info</source>
        <translation>{address} 上的 OBS 拒绝了密码：请从「工具 → WebSocket 服务器设置 → 显示连接信息」复制密码</translation>
    </message>
    <message>
        <source>{address} did not answer like OBS within a few seconds: check the address and port, or restart OBS</source>
        <translation>{address} 几秒内没有像 OBS 那样应答：请检查地址和端口，或重启 OBS</translation>
    </message>
    <message>
        <source>Could not connect to OBS at {address}: check the address and port in Tools → WebSocket Server Settings</source>
        <translation>无法连接 {address} 上的 OBS：请对照「工具 → WebSocket 服务器设置」检查地址和端口</translation>
    </message>
    <message>
        <source>OBS at {address} connected but refused a request: update OBS to version 28 or later</source>
        <translation>已连上 {address} 上的 OBS，但请求被拒绝：请把 OBS 升级到 28 或更高版本</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Connecting to OBS…</source>
        <translation>正在连接 OBS…</translation>
    </message>
    <message>
        <source>Connected: OBS {obs} (obs-websocket {ws}), canvas {width}×{height} at {fps} fps</source>
        <translation>连接成功：OBS {obs}（obs-websocket {ws}），画布 {width}×{height}，{fps} 帧/秒</translation>
    </message>
    <message>
        <source>The test failed unexpectedly ({detail})</source>
        <translation>测试意外失败（{detail}）</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
</context>
<context>
    <name>ObsStatusWidget</name>
    <message>
        <source>Connect now</source>
        <translation>立即连接</translation>
    </message>
    <message>
        <source>Set up overlay in OBS</source>
        <translation>在 OBS 中设置叠加层</translation>
    </message>
    <message>
        <source>OBS has a source named “{name}” of another kind: rename it in OBS</source>
        <translation>OBS 里已有名为「{name}」的其他类型来源：请在 OBS 里改名</translation>
    </message>
    <message>
        <source>OBS connected · canvas {w}x{h}</source>
        <translation>OBS 已连接 · 画布 {w}x{h}</translation>
    </message>
    <message>
        <source>OBS connected</source>
        <translation>OBS 已连接</translation>
    </message>
    <message>
        <source>OBS not set up: images go to the output folder</source>
        <translation>未设置 OBS：图片写入输出文件夹</translation>
    </message>
    <message>
        <source>Connecting to OBS…</source>
        <translation>正在连接 OBS…</translation>
    </message>
    <message>
        <source>OBS connection lost, reconnecting…</source>
        <translation>与 OBS 的连接断开，正在重连…</translation>
    </message>
    <message>
        <source>OBS refused the password: check it in Settings</source>
        <translation>OBS 拒绝了密码：请在设置里检查</translation>
    </message>
    <message>
        <source>OBS is not running (or its WebSocket server is off)</source>
        <translation>OBS 没有运行（或没有开启 WebSocket 服务器）</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>Position</name>
    <message>
        <source>Card left, QR code right</source>
        <translation>卡片在左，二维码在右</translation>
    </message>
    <message>
        <source>QR code left, card right</source>
        <translation>二维码在左，卡片在右</translation>
    </message>
    <message>
        <source>Along the left edge</source>
        <translation>靠左边</translation>
    </message>
    <message>
        <source>Along the right edge</source>
        <translation>靠右边</translation>
    </message>
    <message>
        <source>Low, above the comments</source>
        <translation>靠下，在评论区上方</translation>
    </message>
    <message>
        <source>High, below the streamer&apos;s name</source>
        <translation>靠上，在主播名称下方</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>the job title is empty: fill it in or delete the row</source>
        <translation>岗位名称为空：请填写或删除该行</translation>
    </message>
    <message>
        <source>pay “{text}” is not understood: write it like 6000-8000元/月, 22元/小时, 260元/天 or 面议</source>
        <translation>无法识别薪资「{text}」：请写成 6000-8000元/月、22元/小时、260元/天 或 面议</translation>
    </message>
    <message>
        <source>pay “{text}” has its minimum above its maximum: swap the two numbers</source>
        <translation>薪资「{text}」下限高于上限：请交换两个数字</translation>
    </message>
    <message>
        <source>age “{text}” is not understood: write it like 18-45岁 or 45岁以下</source>
        <translation>无法识别年龄「{text}」：请写成 18-45岁 或 45岁以下</translation>
    </message>
    <message>
        <source>age “{text}” has its minimum above its maximum: swap the two numbers</source>
        <translation>年龄「{text}」下限高于上限：请交换两个数字</translation>
    </message>
    <message>
        <source>age “{text}” is outside 0-80: check the numbers</source>
        <translation>年龄「{text}」超出 0-80 的范围：请检查数字</translation>
    </message>
    <message>
        <source>openings “{text}” is not a whole number: write a number such as 30, or leave it empty</source>
        <translation>招聘人数「{text}」不是整数：请填写数字（如 30）或留空</translation>
    </message>
    <message>
        <source>code “{text}” may only use letters, digits, - _ and . (at most 32): change it or leave it empty</source>
        <translation>编号「{text}」只能包含字母、数字、- _ 和 .（最多 32 个字符）：请修改或留空</translation>
    </message>
    <message>
        <source>code “{text}” is already used by row {first_row}: give this job its own code</source>
        <translation>编号「{text}」已被第 {first_row} 行使用：请为该岗位另设编号</translation>
    </message>
    <message>
        <source>status “{text}” is not understood: write 招聘中, 暂停 or 已关闭</source>
        <translation>无法识别状态「{text}」：请填写 招聘中、暂停 或 已关闭</translation>
    </message>
    <message>
        <source>urgent “{text}” is not understood: write 是 or 否</source>
        <translation>无法识别急招「{text}」：请填写 是 或 否</translation>
    </message>
    <message>
        <source>pay “{text}” is imported as written, without figures: write it like 6000-8000元/月, 22元/小时 or 面议 to have it read</source>
        <translation>薪资「{text}」按原文导入，未识别出数字：请写成 6000-8000元/月、22元/小时 或 面议 以便识别</translation>
    </message>
    <message>
        <source>age “{text}” is imported as written, without a band: write it like 18-45岁 or 45岁以下 to have it read</source>
        <translation>年龄「{text}」按原文导入，未识别出年龄范围：请写成 18-45岁 或 45岁以下 以便识别</translation>
    </message>
    <message>
        <source>code “{text}” cannot be used, so the job got a generated one: use letters, digits, - _ and . (at most 32)</source>
        <translation>编号「{text}」不能使用，已自动生成编号：编号只能用字母、数字、- _ 和 .（最多 32 个）</translation>
    </message>
    <message>
        <source>status “{text}” is not understood, so the job is paused: write 招聘中, 暂停 or 已关闭</source>
        <translation>无法识别状态「{text}」，岗位已设为暂停：请写 招聘中、暂停 或 已关闭</translation>
    </message>
    <message>
        <source>the card&apos;s font has no “{text}”: the card shows it in another font if this PC has one, else leaves emoji out and shows other characters as 〓</source>
        <translation>字卡字体里没有「{text}」：本机有别的字体能显示时用它显示，否则表情符号不显示、其他字显示为 〓</translation>
    </message>
    <message>
        <source>{file}: the file does not exist: check the path</source>
        <translation>{file}：文件不存在：请检查路径</translation>
    </message>
    <message>
        <source>{file}: the file cannot be read ({detail}): close it in Excel/WPS and try again</source>
        <translation>{file}：无法读取文件（{detail}）：请在 Excel/WPS 中关闭后重试</translation>
    </message>
    <message>
        <source>{file}: the workbook is password-protected: remove the password in Excel/WPS and save it again</source>
        <translation>{file}：该工作簿设置了密码：请在 Excel/WPS 中取消密码后重新保存</translation>
    </message>
    <message>
        <source>{file}: the file is empty: choose the right file</source>
        <translation>{file}：文件是空的：请选择正确的文件</translation>
    </message>
    <message>
        <source>{file}: jobs can only be exported to .xlsx or .csv: end the file name with one of them</source>
        <translation>{file}：岗位只能导出为 .xlsx 或 .csv：请把文件名改为以其中之一结尾</translation>
    </message>
    <message>
        <source>{file}: this is not a spreadsheet: use an .xlsx or .csv file</source>
        <translation>{file}：这不是表格文件：请使用 .xlsx 或 .csv 文件</translation>
    </message>
    <message>
        <source>{file}: this is an old .xls file: open it in Excel or WPS and save it as .xlsx</source>
        <translation>{file}：这是旧版 .xls 文件：请用 Excel 或 WPS 打开并另存为 .xlsx</translation>
    </message>
    <message>
        <source>{file}: the text is neither UTF-8 nor GBK: save the sheet again as .xlsx or UTF-8 CSV</source>
        <translation>{file}：文本编码既不是 UTF-8 也不是 GBK：请另存为 .xlsx 或 UTF-8 CSV</translation>
    </message>
    <message>
        <source>{file}: cannot write the file ({detail}): close it in Excel/WPS or choose another folder</source>
        <translation>{file}：无法写入文件（{detail}）：请在 Excel/WPS 中关闭该文件或换一个文件夹</translation>
    </message>
    <message>
        <source>{file}: no job title column found in the first rows: name a column 岗位 (or 职位, 岗位名称)</source>
        <translation>{file}：前几行中找不到岗位名称列：请把一列的表头命名为 岗位（或 职位、岗位名称）</translation>
    </message>
    <message>
        <source>The settings file {file} could not be read; defaults are in use and the file was kept as {file}.bak</source>
        <translation>设置文件 {file} 无法读取，已使用默认设置，原文件保存为 {file}.bak</translation>
    </message>
    <message>
        <source>The setting {key} in {file} has an invalid value {detail}; the default is in use</source>
        <translation>{file} 中的设置项 {key} 的值 {detail} 无效，已使用默认值</translation>
    </message>
    <message>
        <source>Word list {file} is not saved as UTF-8 and was skipped: save it as UTF-8</source>
        <translation>词库文件 {file} 不是 UTF-8 编码，已跳过：请另存为 UTF-8</translation>
    </message>
    <message>
        <source>Word list {file}, line {line}: the regular expression is invalid, so the file was skipped: correct or delete that line</source>
        <translation>词库文件 {file} 第 {line} 行的正则表达式无效，已跳过该文件：请改正或删除该行</translation>
    </message>
    <message>
        <source>The database {file} cannot be written safely (PRAGMA {detail}); HostDesk will not write to it. Move it to a local disk or contact support</source>
        <translation>数据库 {file} 无法安全写入（PRAGMA {detail}），HostDesk 不会向其写入数据。请把它移到本地磁盘或联系技术支持</translation>
    </message>
    <message>
        <source>The database {file} was written by a newer HostDesk; install that version to open it</source>
        <translation>数据库 {file} 由更新版本的 HostDesk 写入：请安装该版本后再打开</translation>
    </message>
    <message>
        <source>{file}, row {row}, column “{column}”: {message}</source>
        <translation>{file} 第 {row} 行「{column}」列：{message}</translation>
    </message>
    <message>
        <source>Rows: {full} read fully, {warned} read with warnings, {refused} refused</source>
        <translation>行数：完整读取 {full} 行，带提醒读取 {warned} 行，未导入 {refused} 行</translation>
    </message>
    <message>
        <source>{file}, row {row}: {message}</source>
        <translation>{file} 第 {row} 行：{message}</translation>
    </message>
    <message>
        <source>no job has the code {code}: reload the catalogue</source>
        <translation>没有编号为 {code} 的岗位：请重新载入岗位库</translation>
    </message>
    <message>
        <source>job {code} is closed and cannot go on air: reopen it first</source>
        <translation>岗位 {code} 已关闭，不能上屏：请先重新开放</translation>
    </message>
    <message>
        <source>a file could not be written ({detail}): check the disk and the data folder</source>
        <translation>无法写入文件（{detail}）：请检查磁盘和数据文件夹</translation>
    </message>
    <message>
        <source>something went wrong ({detail}): see the log file</source>
        <translation>出错了（{detail}）：请查看日志文件</translation>
    </message>
</context>
<context>
    <name>PublishNow</name>
    <message>
        <source>Published to the hub: {created} new, {updated} updated. {conflicts} were changed on the hub too and wait for you under Job conflicts</source>
        <translation>已发布到总部服务器：新增 {created} 个，更新 {updated} 个。另有 {conflicts} 个岗位在总部服务器上也改过，请在“岗位冲突”中选择保留哪个版本</translation>
    </message>
    <message>
        <source>The hub already has every job as it is here</source>
        <translation>总部服务器已有本机的全部岗位，无需发布</translation>
    </message>
    <message>
        <source>Published to the hub: {created} new, {updated} updated</source>
        <translation>已发布到总部服务器：新增 {created} 个，更新 {updated} 个</translation>
    </message>
    <message>
        <source>No hub is set up: fill in its address and this PC&apos;s token in Settings</source>
        <translation>还没有设置总部服务器：请在“设置”中填写地址和本机令牌</translation>
    </message>
    <message>
        <source>The hub refused the publish ({reason}): check the address and token in Settings</source>
        <translation>总部服务器拒绝了发布（{reason}）：请在“设置”中检查地址和令牌</translation>
    </message>
    <message>
        <source>The hub cannot be reached ({reason}): nothing was published. The jobs stay here and go to the hub once it answers</source>
        <translation>连不上总部服务器（{reason}）：这次没有发布。岗位都保留在本机，服务器恢复后会自动发布</translation>
    </message>
</context>
<context>
    <name>RegistrationDialogs</name>
    <message>
        <source>Don&apos;t save</source>
        <translation>不保存</translation>
    </message>
    <message>
        <source>Already signed up</source>
        <translation>已经报过名</translation>
    </message>
    <message>
        <source>This phone number is already signed up for this job:</source>
        <translation>这个手机号已经报名过这个岗位：</translation>
    </message>
    <message>
        <source>Save again</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <source>Check the phone number</source>
        <translation>请核对手机号</translation>
    </message>
    <message>
        <source>{phone} is not a number in use in mainland China as far as HostDesk knows.</source>
        <translation>据 HostDesk 所知，{phone} 不是中国大陆在用的号码。</translation>
    </message>
    <message>
        <source>Read it back to the caller. Save it anyway if it is right; the override is recorded.</source>
        <translation>请向报名人复述核对。确认无误可以仍然保存，这次确认会被记录。</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <source>Withdraw the sign-up</source>
        <translation>撤回报名</translation>
    </message>
    <message>
        <source>Withdraw this sign-up? It stays in the list as withdrawn.</source>
        <translation>撤回这条报名吗？它会以“已撤回”留在列表中。</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>type the age (such as 35) or the year of birth (such as 1990)</source>
        <translation>请填年龄（如 35）或出生年份（如 1990）</translation>
    </message>
    <message>
        <source>Saved {name} {phone}</source>
        <translation>已保存 {name} {phone}</translation>
    </message>
</context>
<context>
    <name>RegistrationExportDialog</name>
    <message>
        <source>Export sign-ups</source>
        <translation>导出报名</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Mask names and phone numbers</source>
        <translation>隐去姓名和手机号</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The sign-ups the list&apos;s filters match go to this file:</source>
        <translation>按列表当前筛选条件导出到此文件：</translation>
    </message>
    <message>
        <source>{count} sign-ups exported to {file}</source>
        <translation>已导出 {count} 条报名到 {file}</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written</source>
        <translation>已取消导出：没有写入文件</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8 (*.csv)</translation>
    </message>
</context>
<context>
    <name>RegistrationForm</name>
    <message>
        <source>11-digit mobile</source>
        <translation>11 位手机号</translation>
    </message>
    <message>
        <source>35 or 1990</source>
        <translation>如 35 或 1990</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>保存（回车）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>称呼</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意方式</translation>
    </message>
    <message>
        <source>Lives in</source>
        <translation>现居城市</translation>
    </message>
    <message>
        <source>Wants to work in</source>
        <translation>期望城市</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Choose a job</source>
        <translation>请选择岗位</translation>
    </message>
    <message>
        <source>Not saved: this phone is already signed up for this job.</source>
        <translation>未保存：这个手机号已报名过这个岗位。</translation>
    </message>
    <message>
        <source>The draft could not be kept: {reason}</source>
        <translation>草稿未能保存：{reason}</translation>
    </message>
</context>
<context>
    <name>RegistrationTableModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>称呼</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
</context>
<context>
    <name>Registrations</name>
    <message>
        <source>Job</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Current city</source>
        <translation>现居城市</translation>
    </message>
    <message>
        <source>Expected city</source>
        <translation>期望城市</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意方式</translation>
    </message>
    <message>
        <source>Privacy notice version</source>
        <translation>告知书版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>私信</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>扫码</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Verbal</source>
        <translation>口头</translation>
    </message>
    <message>
        <source>Checkbox</source>
        <translation>勾选</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>书面</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>待同步</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>同步中</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <source>Will retry</source>
        <translation>等待重试</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需处理</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未填</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Enter the person&apos;s name or how to address them (e.g. 张先生)</source>
        <translation>请填写姓名或称呼（如“张先生”）</translation>
    </message>
    <message>
        <source>The name is longer than {limit} characters: shorten it</source>
        <translation>姓名超过 {limit} 个字：请缩短</translation>
    </message>
    <message>
        <source>Enter a mobile number</source>
        <translation>请填写手机号</translation>
    </message>
    <message>
        <source>This is not a mainland mobile number: enter 11 digits starting with 13 to 19 (+86 in front is fine)</source>
        <translation>不是有效的大陆手机号：请填写 13–19 开头的 11 位号码（前面带 +86 也可以）</translation>
    </message>
    <message>
        <source>Under 16: the law forbids employing them, so this sign-up cannot be saved</source>
        <translation>未满 16 周岁：法律禁止招用，不能登记</translation>
    </message>
    <message>
        <source>The age must be from 16 to 80: check the age or birth year</source>
        <translation>年龄须在 16 到 80 岁之间：请核对年龄或出生年份</translation>
    </message>
    <message>
        <source>The note is longer than {limit} characters: shorten it</source>
        <translation>备注超过 {limit} 个字：请缩短</translation>
    </message>
    <message>
        <source>The city is longer than {limit} characters: shorten it</source>
        <translation>城市名称超过 {limit} 个字：请缩短</translation>
    </message>
    <message>
        <source>No job has this code: choose a job from the list</source>
        <translation>没有这个岗位编号：请从列表中选择岗位</translation>
    </message>
    <message>
        <source>This job is closed: choose an open job</source>
        <translation>这个岗位已关闭：请选择在招的岗位</translation>
    </message>
    <message>
        <source>Unknown source: choose phone call, comment, direct message, walk-in, QR code or import</source>
        <translation>来源无效：请选择电话、评论、私信、现场、扫码或导入</translation>
    </message>
    <message>
        <source>Record how the person agreed (verbal, checkbox or written) and the notice version</source>
        <translation>请记录同意方式（口头、勾选或书面）和告知书版本</translation>
    </message>
    <message>
        <source>Gender must be male, female or left empty</source>
        <translation>性别只能填男、女或留空</translation>
    </message>
    <message>
        <source>{field} contains control characters (such as NUL) that cannot be saved: retype it</source>
        <translation>{field}含有无法保存的控制字符（如 NUL）：请重新输入</translation>
    </message>
    <message>
        <source>This sign-up was withdrawn and can no longer be edited</source>
        <translation>该报名已撤回，不能再修改</translation>
    </message>
    <message>
        <source>The personal data of this sign-up was erased after the retention period; it cannot be edited</source>
        <translation>该报名的个人信息已按保存期限删除，不能再修改</translation>
    </message>
    <message>
        <source>This sign-up no longer exists: refresh the list</source>
        <translation>该报名已不存在：请刷新列表</translation>
    </message>
    <message>
        <source>This phone number has already signed up for this job (earlier sign-ups: {count}): save again only if that is intended</source>
        <translation>该手机号已报名这个岗位（之前 {count} 条）：确认无误再保存</translation>
    </message>
    <message>
        <source>This number is not in any assigned mobile range: check it with the person, or confirm to save it anyway</source>
        <translation>该号码不在已分配的手机号段内：请与本人核对，或确认后仍然保存</translation>
    </message>
    <message>
        <source>The database is read-only, so the sign-up was NOT saved: check the data folder&apos;s permissions</source>
        <translation>数据库只读，报名未保存：请检查数据文件夹的权限</translation>
    </message>
    <message>
        <source>The disk is full, so the sign-up was NOT saved: free some space and save again</source>
        <translation>磁盘已满，报名未保存：请清理空间后再保存</translation>
    </message>
    <message>
        <source>The database is not in safe-write mode (PRAGMA {detail}), so the sign-up was NOT saved: restart HostDesk</source>
        <translation>数据库未处于安全写入模式（PRAGMA {detail}），报名未保存：请重启 HostDesk</translation>
    </message>
    <message>
        <source>The database is busy (another HostDesk is writing), so the sign-up was NOT saved: save again</source>
        <translation>数据库正忙（另一个 HostDesk 正在写入），报名未保存：请再保存一次</translation>
    </message>
    <message>
        <source>The disk reported an error ({detail}), so the sign-up was NOT saved: check the disk and save again</source>
        <translation>磁盘报错（{detail}），报名未保存：请检查磁盘后再保存</translation>
    </message>
    <message>
        <source>The key file {detail} in the data folder is damaged, so nothing can be saved: restore it from a backup</source>
        <translation>数据文件夹中的密钥文件 {detail} 已损坏，无法保存：请从备份恢复</translation>
    </message>
    <message>
        <source>Aged 16 or 17: a minor; the employer must follow the rules for young workers</source>
        <translation>16–17 岁未成年人：用人单位须遵守未成年工保护规定</translation>
    </message>
</context>
<context>
    <name>RegistrationsList</name>
    <message>
        <source>Search name, phone digits, job or note</source>
        <translation>搜索称呼、手机号数字、岗位或备注</translation>
    </message>
    <message>
        <source>This session</source>
        <translation>本场</translation>
    </message>
    <message>
        <source>All sessions</source>
        <translation>全部场次</translation>
    </message>
    <message>
        <source>All jobs</source>
        <translation>全部岗位</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>近 7 天</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the selected row unmasked for 10 seconds</source>
        <translation>将选中的一行完整显示 10 秒</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>{shown} of {total} sign-ups</source>
        <translation>显示 {shown} / 共 {total} 条报名</translation>
    </message>
</context>
<context>
    <name>RundownPanel</name>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Alt+Up</source>
        <translation>Alt+↑</translation>
    </message>
    <message>
        <source>Alt+Down</source>
        <translation>Alt+↓</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete 键</translation>
    </message>
    <message>
        <source>Auto-rotate every</source>
        <translation>自动轮播，每个</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Double-click, Enter or drag a job here. 1–9 preview a slot, Ctrl+1–9 take it.</source>
        <translation>双击、按回车或把岗位拖到这里。按 1–9 预览对应位置，Ctrl+1–9 直接上屏。</translation>
    </message>
</context>
<context>
    <name>SessionBar</name>
    <message>
        <source>Start session…</source>
        <translation>开始直播…</translation>
    </message>
    <message>
        <source>Stop session</source>
        <translation>结束直播</translation>
    </message>
    <message>
        <source>Not live yet · the rundown is ready for the next session</source>
        <translation>尚未开播 · 节目单已为下一场准备好</translation>
    </message>
    <message>
        <source>Host {host}</source>
        <translation>主播 {host}</translation>
    </message>
    <message>
        <source>● LIVE  {where}</source>
        <translation>● 直播中  {where}</translation>
    </message>
    <message>
        <source>Ended  {where}</source>
        <translation>已结束  {where}</translation>
    </message>
    <message>
        <source>On air {clock}</source>
        <translation>已直播 {clock}</translation>
    </message>
    <message>
        <source>Stop the session</source>
        <translation>结束直播</translation>
    </message>
    <message>
        <source>Stop the live session in {room}? The record of takes is kept.</source>
        <translation>结束「{room}」的直播吗？上屏记录会保留。</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Start the live session</source>
        <translation>开始直播</translation>
    </message>
    <message>
        <source>e.g. 青岛招聘直播间</source>
        <translation>例如：青岛招聘直播间</translation>
    </message>
    <message>
        <source>optional, e.g. 蔚姐</source>
        <translation>选填，例如 蔚姐</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>直播间名称</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主播</translation>
    </message>
    <message>
        <source>Go live</source>
        <translation>开播</translation>
    </message>
</context>
<context>
    <name>Sessions</name>
    <message>
        <source>Kuaishou</source>
        <translation>快手</translation>
    </message>
    <message>
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <source>WeChat Channels</source>
        <translation>视频号</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>platform “{text}” is not known: choose Kuaishou, Douyin, WeChat Channels or Other</source>
        <translation>不认识平台「{text}」：请选择快手、抖音、视频号或其他</translation>
    </message>
    <message>
        <source>the room name is empty: type the name of the live room</source>
        <translation>直播间名称为空：请填写直播间名称</translation>
    </message>
    <message>
        <source>the room name is longer than {limit} characters: shorten it</source>
        <translation>直播间名称超过 {limit} 个字：请缩短</translation>
    </message>
    <message>
        <source>the host&apos;s name is longer than {limit} characters: shorten it</source>
        <translation>主播名称超过 {limit} 个字：请缩短</translation>
    </message>
    <message>
        <source>the host&apos;s name holds a line break or a control character: type it again</source>
        <translation>主播名称含有换行或控制字符：请重新输入</translation>
    </message>
    <message>
        <source>this session is already live: stop it before starting a new one</source>
        <translation>本场已在直播中：请先结束本场，再开始新的一场</translation>
    </message>
    <message>
        <source>no session is live: start one first</source>
        <translation>当前没有正在进行的直播：请先开播</translation>
    </message>
    <message>
        <source>this session has ended: tonight&apos;s list is in the new session</source>
        <translation>本场直播已结束：今晚的排单在新的场次里</translation>
    </message>
    <message>
        <source>rotate every {min} to {max} seconds: change the interval</source>
        <translation>轮播间隔须在 {min} 到 {max} 秒之间：请修改间隔</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>OBS</source>
        <translation>OBS</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>叠加层</translation>
    </message>
    <message>
        <source>Sign-up link</source>
        <translation>报名链接</translation>
    </message>
    <message>
        <source>Hotkeys</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Reading the saved password…</source>
        <translation>正在读取已保存的密码…</translation>
    </message>
    <message>
        <source>Find these in OBS under Tools → WebSocket Server Settings (Show Connect Info).</source>
        <translation>这些信息在 OBS 的「工具 → WebSocket 服务器设置」里（点「显示连接信息」）。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Show how many signed up and the newest sign-up (name masked) over the card</source>
        <translation>在岗位卡片上方显示报名人数和最新报名（姓名打码）</translation>
    </message>
    <message>
        <source>Card layout</source>
        <translation>卡片布局</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>配色</translation>
    </message>
    <message>
        <source>Auto-rotate: each job on air for</source>
        <translation>自动轮播：每个岗位展示</translation>
    </message>
    <message>
        <source>Sign-up counter</source>
        <translation>报名人数</translation>
    </message>
    <message>
        <source>{hub} is the hub address above, {code} the job&apos;s code, {session} tonight&apos;s session, {device} this PC&apos;s name on the hub: sign-ups can then be traced to the job, the stream and the PC.</source>
        <translation>{hub} 是上面的服务器地址，{code} 是岗位编号，{session} 是本场直播，{device} 是本机在总部的名称：这样每条报名都能追溯到岗位、场次和直播电脑。</translation>
    </message>
    <message>
        <source>The template may only use {hub}, {code}, {session} and {device}, each in braces</source>
        <translation>模板只能使用 {hub}、{code}、{session} 和 {device}，并且要带花括号</translation>
    </message>
    <message>
        <source>Reading the saved token…</source>
        <translation>正在读取已保存的令牌…</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Token for this PC</source>
        <translation>本机令牌</translation>
    </message>
    <message>
        <source>The agency&apos;s back office gives it (hostdesk hub token create).</source>
        <translation>由公司总部后台提供（hostdesk hub token create）。</translation>
    </message>
    <message>
        <source>Erase sign-ups&apos; personal data after</source>
        <translation>报名个人信息保留期限（之后删除）</translation>
    </message>
    <message>
        <source>Link template</source>
        <translation>链接模板</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>The template must contain {code}: each job needs its own link</source>
        <translation>模板必须包含 {code}：每个岗位都需要自己的链接</translation>
    </message>
    <message>
        <source>Fill in the hub address above: until then only jobs with their own sign-up link get a QR code</source>
        <translation>请填写上面的服务器地址：填写之前，只有自带报名链接的岗位才有二维码</translation>
    </message>
    <message>
        <source>The link must start with https:// or http:// (or with {hub}), so phones can open it</source>
        <translation>链接必须以 https:// 或 http://（或 {hub}）开头，手机才能打开</translation>
    </message>
    <message>
        <source>The hub address must start with https:// or http://</source>
        <translation>服务器地址必须以 https:// 或 http:// 开头</translation>
    </message>
    <message>
        <source>Still reading the saved password: try again</source>
        <translation>还在读取已保存的密码，请稍后再试</translation>
    </message>
    <message>
        <source>The settings could not be saved ({detail}): check the disk and try again</source>
        <translation>设置保存失败（{detail}）：请检查磁盘后重试</translation>
    </message>
    <message>
        <source>The system keyring refused the OBS password, so it is kept in HostDesk&apos;s settings file, readable only by you</source>
        <translation>系统密码库拒绝保存 OBS 密码，已改存到 HostDesk 的设置文件中（仅您本人可读）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>作用</translation>
    </message>
</context>
<context>
    <name>ShowReport</name>
    <message>
        <source>{m} min</source>
        <translation>{m}分钟</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h}小时{m}分</translation>
    </message>
    <message>
        <source>Nothing on air</source>
        <translation>无岗位在屏</translation>
    </message>
    <message>
        <source>Show report</source>
        <translation>直播复盘</translation>
    </message>
    <message>
        <source>Sign-ups</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>{n} during the show</source>
        <translation>直播中 {n} 人</translation>
    </message>
    <message>
        <source>Sign-ups per hour</source>
        <translation>每小时报名</translation>
    </message>
    <message>
        <source>Jobs on air</source>
        <translation>上屏岗位</translation>
    </message>
    <message>
        <source>on air</source>
        <translation>在屏</translation>
    </message>
    <message>
        <source>Best job</source>
        <translation>最佳岗位</translation>
    </message>
    <message>
        <source>{n} sign-ups</source>
        <translation>{n} 人报名</translation>
    </message>
    <message>
        <source>Page opens → sign-ups</source>
        <translation>页面打开 → 报名</translation>
    </message>
    <message>
        <source>Per hour vs last show</source>
        <translation>每小时报名 比上一场</translation>
    </message>
    <message>
        <source>last show {rate}/h</source>
        <translation>上一场 {rate} 人/小时</translation>
    </message>
    <message>
        <source>Hired</source>
        <translation>已录用</translation>
    </message>
    <message>
        <source>{c} contacted · {i} interviewed</source>
        <translation>已联系 {c} · 已约面 {i}</translation>
    </message>
    <message>
        <source>Sign-ups per minute, by the job on air</source>
        <translation>每分钟报名（按在屏岗位着色）</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>On air</source>
        <translation>上屏时长</translation>
    </message>
    <message>
        <source>Takes</source>
        <translation>上屏次数</translation>
    </message>
    <message>
        <source>While on air</source>
        <translation>上屏时报名</translation>
    </message>
    <message>
        <source>10 min after</source>
        <translation>下屏后10分钟</translation>
    </message>
    <message>
        <source>Per 10 air-min</source>
        <translation>每上屏10分钟报名</translation>
    </message>
    <message>
        <source>Opens → sign-ups</source>
        <translation>打开 → 报名</translation>
    </message>
    <message>
        <source>Contacted / interviewed / hired</source>
        <translation>已联系 / 已约面 / 已录用</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>各岗位表现</translation>
    </message>
    <message>
        <source>No job was on air and nobody signed up.</source>
        <translation>本场没有岗位上屏，也没有人报名。</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主播</translation>
    </message>
    <message>
        <source>Earlier shows together ({n})</source>
        <translation>往期合计（{n} 场）</translation>
    </message>
    <message>
        <source>per show; rates pooled</source>
        <translation>按场平均；比率合并计算</translation>
    </message>
    <message>
        <source>Compared with earlier shows of this host</source>
        <translation>与同一主播的往期直播对比</translation>
    </message>
    <message>
        <source>This show</source>
        <translation>本场</translation>
    </message>
    <message>
        <source>Compared with earlier shows in this room</source>
        <translation>与同一直播间的往期直播对比</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Per hour</source>
        <translation>每小时</translation>
    </message>
    <message>
        <source>No earlier show in this room yet.</source>
        <translation>本直播间还没有往场记录。</translation>
    </message>
    <message>
        <source>No earlier show of this host yet.</source>
        <translation>这位主播还没有往期直播。</translation>
    </message>
    <message>
        <source>Sign-ups count for the job they name. 10 min after: within 10 minutes after the job left the screen, even if another job was on air by then. Per 10 air-min: (while on air + 10 min after) for every 10 minutes on air.</source>
        <translation>报名计入所报的岗位。下屏后10分钟：该岗位下屏后10分钟内的报名（即使已换上其他岗位）。每上屏10分钟报名：（上屏时报名 + 下屏后10分钟）÷ 上屏分钟数 × 10。</translation>
    </message>
    <message>
        <source>Host {host}</source>
        <translation>主播 {host}</translation>
    </message>
</context>
<context>
    <name>ShowReportDialog</name>
    <message>
        <source>Show report</source>
        <translation>直播复盘</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>No show has gone live yet.</source>
        <translation>还没有开播过的场次。</translation>
    </message>
    <message>
        <source>{count} sign-ups in {minutes} minutes</source>
        <translation>{minutes} 分钟内 {count} 人报名</translation>
    </message>
    <message>
        <source>That show never went live: there is nothing to report.</source>
        <translation>这一场没有开播过，没有可报告的内容。</translation>
    </message>
    <message>
        <source>The report could not be prepared ({detail})</source>
        <translation>报告无法生成（{detail}）</translation>
    </message>
    <message>
        <source>Export the show report</source>
        <translation>导出直播复盘</translation>
    </message>
    <message>
        <source>show-report-{date}.xlsx</source>
        <translation>直播复盘-{date}.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Report exported to {file}</source>
        <translation>报告已导出到 {file}</translation>
    </message>
    <message>
        <source>The report could not be exported ({detail})</source>
        <translation>报告无法导出（{detail}）</translation>
    </message>
</context>
<context>
    <name>SignupDeliveryLabel</name>
    <message>
        <source>Live push</source>
        <translation>实时推送</translation>
    </message>
    <message>
        <source>Sign-ups from the hub arrive the moment they are made</source>
        <translation>扫码报名一提交就推送到本机</translation>
    </message>
    <message>
        <source>Polling every {s} s</source>
        <translation>每 {s} 秒查询</translation>
    </message>
    <message>
        <source>No live link to the hub: new sign-ups are fetched every {s} s</source>
        <translation>与服务器的实时连接未建立：每 {s} 秒查询一次新报名</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>HostDesk is already running with this data folder; its window has been brought to the front.</source>
        <translation>HostDesk 已经在运行（同一个数据文件夹），已把它的窗口调到最前面。</translation>
    </message>
    <message>
        <source>HostDesk is already running with this data folder ({path}), but it does not respond. Wait a moment and try again, or close the other HostDesk first.</source>
        <translation>HostDesk 已经在运行（数据文件夹：{path}），但没有响应。请稍等片刻再试，或先关闭正在运行的 HostDesk。</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Sync off</source>
        <translation>同步已关闭</translation>
    </message>
    <message>
        <source>The hub did not accept the device token: enter a new token in Settings</source>
        <translation>总部服务器不接受本机令牌：请在设置中重新填写令牌</translation>
    </message>
    <message>
        <source>This token may not send sign-ups: ask the agency for a device token</source>
        <translation>此令牌无权发送报名：请向公司索取本机专用令牌</translation>
    </message>
    <message>
        <source>No HostDesk hub answers at this address: check the hub address in Settings</source>
        <translation>该地址没有 HostDesk 总部服务器响应：请在设置中检查服务器地址</translation>
    </message>
    <message>
        <source>Sync is not set up: enter the hub address and the device token in Settings</source>
        <translation>尚未设置同步：请在设置中填写总部服务器地址和本机令牌</translation>
    </message>
    <message>
        <source>The hub cannot be reached; sign-ups are kept here and sent when it can</source>
        <translation>暂时连不上总部服务器；报名已保存在本机，恢复后会自动发送</translation>
    </message>
    <message>
        <source>The hub is busy or has a problem; trying again later</source>
        <translation>总部服务器繁忙或出现问题，稍后自动重试</translation>
    </message>
    <message>
        <source>The network answered with a web page instead of the hub (a Wi-Fi login?): log in to the network</source>
        <translation>网络返回了网页而不是总部服务器（可能需要登录 Wi-Fi）：请先登录网络</translation>
    </message>
    <message>
        <source>The hub already has a different copy of this change: check the sign-up, then retry</source>
        <translation>总部服务器上已有这条变更的另一个版本：请核对报名后重试</translation>
    </message>
    <message>
        <source>The hub already has this sign-up under another record: contact the agency</source>
        <translation>总部服务器上已有这条报名的另一条记录：请联系公司</translation>
    </message>
    <message>
        <source>The hub&apos;s copy changed in the meantime: retry to send this change again</source>
        <translation>总部服务器上的记录已被修改：请重试以重新发送这次修改</translation>
    </message>
    <message>
        <source>The hub does not have this sign-up yet: retry</source>
        <translation>总部服务器上还没有这条报名：请重试</translation>
    </message>
    <message>
        <source>This sign-up was made on another PC or on the sign-up page: only the agency can change it, ask them</source>
        <translation>这条报名是在另一台电脑或报名页上登记的：只有机构可以修改，请联系机构</translation>
    </message>
    <message>
        <source>The agency erased this person&apos;s data on the hub: the change cannot be sent and is not needed</source>
        <translation>机构已在总部服务器上删除此人的信息：这次修改无法发送，也不再需要</translation>
    </message>
    <message>
        <source>The hub refused the sign-up because of {field}: correct it, then retry</source>
        <translation>总部服务器因“{field}”拒收这条报名：请修改后重试</translation>
    </message>
    <message>
        <source>The hub refused this sign-up ({reason}): correct it, then retry</source>
        <translation>总部服务器拒收了这条报名（{reason}）：请修改后重试</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Sync online</source>
        <translation>同步：在线</translation>
    </message>
    <message>
        <source>Sync paused: {reason}</source>
        <translation>同步已暂停：{reason}</translation>
    </message>
    <message>
        <source>Sync off</source>
        <translation>同步已关闭</translation>
    </message>
    <message>
        <source>Sync offline: {reason}</source>
        <translation>同步离线：{reason}</translation>
    </message>
    <message>
        <source>Sync offline</source>
        <translation>同步：离线</translation>
    </message>
    <message>
        <source>Unsynced {n}</source>
        <translation>未同步 {n}</translation>
    </message>
    <message>
        <source>Needs attention {n}</source>
        <translation>需处理 {n}</translation>
    </message>
    <message>
        <source>Last sync {time}</source>
        <translation>上次同步 {time}</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>Job conflicts {n}</source>
        <translation>岗位冲突 {n}</translation>
    </message>
    <message>
        <source>next try in {s} s</source>
        <translation>{s} 秒后重试</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Dark: navy and gold</source>
        <translation>深色（藏青金）</translation>
    </message>
    <message>
        <source>Light: white and red</source>
        <translation>明亮（白红）</translation>
    </message>
</context>
<context>
    <name>WithdrawnBanner</name>
    <message>
        <source>、</source>
        <translation>、</translation>
    </message>
    <message>
        <source>The hub&apos;s catalogue no longer has these jobs, but they are in tonight&apos;s rundown or on air: {jobs}. They stay takeable until you decide; their QR codes may lead viewers to “job not found”.</source>
        <translation>中心的岗位目录里已没有这些岗位，但它们在今晚的节目单里或正在上屏：{jobs}。在你决定之前它们仍可上屏；它们的二维码可能让观众看到“没有找到这个岗位”。</translation>
    </message>
    <message>
        <source>Keep offering it</source>
        <translation>继续保留</translation>
    </message>
    <message>
        <source>Close the job</source>
        <translation>关闭岗位</translation>
    </message>
</context>
</TS>
