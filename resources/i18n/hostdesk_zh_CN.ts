<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>On air (files only): {code}, sign-up link {url}; images in {folder}</source>
        <translation>已上屏（仅文件）：{code}，报名链接 {url}；图片在 {folder}</translation>
    </message>
    <message>
        <source>On air: {code}, sign-up link {url}</source>
        <translation>已上屏：{code}，报名链接 {url}</translation>
    </message>
    <message>
        <source>Overlay off air</source>
        <translation>叠加层已下屏</translation>
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
    <message>
        <source>Compliance warnings</source>
        <translation>合规提示</translation>
    </message>
    <message>
        <source>Loading jobs…</source>
        <translation>正在加载岗位…</translation>
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
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Could not read the catalogue: {0}</source>
        <translation>无法读取岗位库：{0}</translation>
    </message>
    <message>
        <source>{shown} of {total} jobs shown · {warned} with warnings</source>
        <translation>显示 {shown} / 共 {total} 个岗位 · {warned} 个有合规提示</translation>
    </message>
    <message>
        <source>No warnings for {0}</source>
        <translation>「{0}」没有合规提示</translation>
    </message>
    <message>
        <source>Import job sheet</source>
        <translation>导入岗位表</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Importing {0}…</source>
        <translation>正在导入 {0}…</translation>
    </message>
    <message>
        <source>{created} new, {updated} updated, {unchanged} unchanged</source>
        <translation>新增 {created} 个，更新 {updated} 个，未变 {unchanged} 个</translation>
    </message>
    <message>
        <source>Some rows were not imported</source>
        <translation>部分行未导入</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
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
        <source>{file}, row {row}: {message}</source>
        <translation>{file} 第 {row} 行：{message}</translation>
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
</TS>
