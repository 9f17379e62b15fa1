<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Card</name>
    <message>
        <source>Hiring {count}</source>
        <translation>Hiring {count}</translation>
    </message>
    <message>
        <source>URGENT</source>
        <translation>URGENT</translation>
    </message>
    <message>
        <source>Scan to sign up</source>
        <translation>Scan to sign up</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>HostDesk – live recruitment assistant</source>
        <translation>HostDesk – live recruitment assistant</translation>
    </message>
    <message>
        <source>data folder (default: $HOSTDESK_DATA_DIR or the platform&apos;s)</source>
        <translation>data folder (default: $HOSTDESK_DATA_DIR or the platform&apos;s)</translation>
    </message>
    <message>
        <source>language (default: from settings)</source>
        <translation>language (default: from settings)</translation>
    </message>
    <message>
        <source>check the installation and exit</source>
        <translation>check the installation and exit</translation>
    </message>
    <message>
        <source>the job catalogue</source>
        <translation>the job catalogue</translation>
    </message>
    <message>
        <source>import jobs from an .xlsx or .csv sheet</source>
        <translation>import jobs from an .xlsx or .csv sheet</translation>
    </message>
    <message>
        <source>show what would change, change nothing</source>
        <translation>show what would change, change nothing</translation>
    </message>
    <message>
        <source>list the catalogue</source>
        <translation>list the catalogue</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>print JSON</translation>
    </message>
    <message>
        <source>export the catalogue to .xlsx or .csv</source>
        <translation>export the catalogue to .xlsx or .csv</translation>
    </message>
    <message>
        <source>check jobs for wording that law or platforms forbid</source>
        <translation>check jobs for wording that law or platforms forbid</translation>
    </message>
    <message>
        <source>OBS WebSocket address, e.g. ws://127.0.0.1:4455</source>
        <translation>OBS WebSocket address, e.g. ws://127.0.0.1:4455</translation>
    </message>
    <message>
        <source>OBS WebSocket password</source>
        <translation>OBS WebSocket password</translation>
    </message>
    <message>
        <source>Dry run, nothing changed: {created} new, {updated} updated, {unchanged} unchanged, {rejected} rows rejected</source>
        <translation>Dry run, nothing changed: {created} new, {updated} updated, {unchanged} unchanged, {rejected} rows rejected</translation>
    </message>
    <message>
        <source>Imported: {created} new, {updated} updated, {unchanged} unchanged, {rejected} rows rejected</source>
        <translation>Imported: {created} new, {updated} updated, {unchanged} unchanged, {rejected} rows rejected</translation>
    </message>
    <message>
        <source>Cannot write {file}: {reason}</source>
        <translation>Cannot write {file}: {reason}</translation>
    </message>
    <message>
        <source>Jobs exported to {file}: {count}</source>
        <translation>Jobs exported to {file}: {count}</translation>
    </message>
    <message>
        <source>Warnings: {count}</source>
        <translation>Warnings: {count}</translation>
    </message>
    <message>
        <source>The data folder {path} cannot be used ({reason}): choose another with --data-dir</source>
        <translation>The data folder {path} cannot be used ({reason}): choose another with --data-dir</translation>
    </message>
    <message>
        <source>internal error ({name}); details are in {logs}</source>
        <translation>internal error ({name}); details are in {logs}</translation>
    </message>
    <message>
        <source>the connection to OBS Studio</source>
        <translation>the connection to OBS Studio</translation>
    </message>
    <message>
        <source>connect, show versions and canvas, set up the overlay</source>
        <translation>connect, show versions and canvas, set up the overlay</translation>
    </message>
    <message>
        <source>put a job&apos;s card and QR code on air</source>
        <translation>put a job&apos;s card and QR code on air</translation>
    </message>
    <message>
        <source>take the overlay off air</source>
        <translation>take the overlay off air</translation>
    </message>
    <message>
        <source>draw a job&apos;s card to a PNG file</source>
        <translation>draw a job&apos;s card to a PNG file</translation>
    </message>
    <message>
        <source>OBS at {address} refused the password: check it in OBS (Tools → WebSocket Server Settings) and in --obs-password</source>
        <translation>OBS at {address} refused the password: check it in OBS (Tools → WebSocket Server Settings) and in --obs-password</translation>
    </message>
    <message>
        <source>OBS already has a source named “{name}” of another kind: rename it in OBS</source>
        <translation>OBS already has a source named “{name}” of another kind: rename it in OBS</translation>
    </message>
    <message>
        <source>OBS refused a request ({detail})</source>
        <translation>OBS refused a request ({detail})</translation>
    </message>
    <message>
        <source>OBS is not reachable at {address}: start OBS and enable its WebSocket server (Tools → WebSocket Server Settings)</source>
        <translation>OBS is not reachable at {address}: start OBS and enable its WebSocket server (Tools → WebSocket Server Settings)</translation>
    </message>
    <message>
        <source>OBS {obs} (obs-websocket {ws}), canvas {w}x{h} at {fps:g} fps</source>
        <translation>OBS {obs} (obs-websocket {ws}), canvas {w}x{h} at {fps:g} fps</translation>
    </message>
    <message>
        <source>Overlay scene “{scene}” is in program scene “{program}”</source>
        <translation>Overlay scene “{scene}” is in program scene “{program}”</translation>
    </message>
    <message>
        <source>No job has the code {code}: see `hostdesk jobs list`</source>
        <translation>No job has the code {code}: see `hostdesk jobs list`</translation>
    </message>
    <message>
        <source>On air (files only): {code}, sign-up link {url}; images in {folder}</source>
        <translation>On air (files only): {code}, sign-up link {url}; images in {folder}</translation>
    </message>
    <message>
        <source>On air: {code}, sign-up link {url}</source>
        <translation>On air: {code}, sign-up link {url}</translation>
    </message>
    <message>
        <source>Overlay off air</source>
        <translation>Overlay off air</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>Benefits</translation>
    </message>
    <message>
        <source>Openings</source>
        <translation>Openings</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Minimum age</source>
        <translation>Minimum age</translation>
    </message>
    <message>
        <source>Maximum age</source>
        <translation>Maximum age</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>Highlights</translation>
    </message>
    <message>
        <source>Sign-up link</source>
        <translation>Sign-up link</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
</context>
<context>
    <name>JobTableModel</name>
    <message>
        <source>Warnings</source>
        <translation>Warnings</translation>
    </message>
</context>
<context>
    <name>Layout</name>
    <message>
        <source>Lower third (landscape)</source>
        <translation>Lower third (landscape)</translation>
    </message>
    <message>
        <source>Side card (landscape)</source>
        <translation>Side card (landscape)</translation>
    </message>
    <message>
        <source>Vertical (phone)</source>
        <translation>Vertical (phone)</translation>
    </message>
</context>
<context>
    <name>Lint</name>
    <message>
        <source>gender requirement “{text}” is discrimination under Chinese law: remove it</source>
        <translation>gender requirement “{text}” is discrimination under Chinese law: remove it</translation>
    </message>
    <message>
        <source>ethnic requirement “{text}” is unlawful discrimination: remove it</source>
        <translation>ethnic requirement “{text}” is unlawful discrimination: remove it</translation>
    </message>
    <message>
        <source>excluding people by region (“{text}”) is unlawful discrimination: remove it</source>
        <translation>excluding people by region (“{text}”) is unlawful discrimination: remove it</translation>
    </message>
    <message>
        <source>marital or pregnancy condition “{text}” is unlawful: remove it</source>
        <translation>marital or pregnancy condition “{text}” is unlawful: remove it</translation>
    </message>
    <message>
        <source>absolute claim “{text}” is banned by advertising law: reword it</source>
        <translation>absolute claim “{text}” is banned by advertising law: reword it</translation>
    </message>
    <message>
        <source>maximum age {text} is under 16, which the Labour Law forbids: correct the age band</source>
        <translation>maximum age {text} is under 16, which the Labour Law forbids: correct the age band</translation>
    </message>
    <message>
        <source>minimum age {text} is under 16, which the Labour Law forbids: raise it to 16 or more</source>
        <translation>minimum age {text} is under 16, which the Labour Law forbids: raise it to 16 or more</translation>
    </message>
    <message>
        <source>no pay given: viewers ask first about pay; write a range or 面议</source>
        <translation>no pay given: viewers ask first about pay; write a range or 面议</translation>
    </message>
    <message>
        <source>pay minimum is above its maximum ({text}): correct the range</source>
        <translation>pay minimum is above its maximum ({text}): correct the range</translation>
    </message>
    <message>
        <source>minimum age is above the maximum ({text}): correct the range</source>
        <translation>minimum age is above the maximum ({text}): correct the range</translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <translation>{field}: {message}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>HostDesk – live recruitment assistant</source>
        <translation>HostDesk – live recruitment assistant</translation>
    </message>
    <message>
        <source>Search title, employer, city or benefit</source>
        <translation>Search title, employer, city or benefit</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>All cities</source>
        <translation>All cities</translation>
    </message>
    <message>
        <source>Compliance warnings</source>
        <translation>Compliance warnings</translation>
    </message>
    <message>
        <source>Loading jobs…</source>
        <translation>Loading jobs…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Import job sheet…</source>
        <translation>&amp;Import job sheet…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Could not read the catalogue: {0}</source>
        <translation>Could not read the catalogue: {0}</translation>
    </message>
    <message>
        <source>{shown} of {total} jobs shown · {warned} with warnings</source>
        <translation>{shown} of {total} jobs shown · {warned} with warnings</translation>
    </message>
    <message>
        <source>No warnings for {0}</source>
        <translation>No warnings for {0}</translation>
    </message>
    <message>
        <source>Import job sheet</source>
        <translation>Import job sheet</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>Spreadsheets (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Importing {0}…</source>
        <translation>Importing {0}…</translation>
    </message>
    <message>
        <source>{created} new, {updated} updated, {unchanged} unchanged</source>
        <translation>{created} new, {updated} updated, {unchanged} unchanged</translation>
    </message>
    <message>
        <source>Some rows were not imported</source>
        <translation>Some rows were not imported</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import failed</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>the job title is empty: fill it in or delete the row</source>
        <translation>the job title is empty: fill it in or delete the row</translation>
    </message>
    <message>
        <source>pay “{text}” is not understood: write it like 6000-8000元/月, 22元/小时, 260元/天 or 面议</source>
        <translation>pay “{text}” is not understood: write it like 6000-8000元/月, 22元/小时, 260元/天 or 面议</translation>
    </message>
    <message>
        <source>pay “{text}” has its minimum above its maximum: swap the two numbers</source>
        <translation>pay “{text}” has its minimum above its maximum: swap the two numbers</translation>
    </message>
    <message>
        <source>age “{text}” is not understood: write it like 18-45岁 or 45岁以下</source>
        <translation>age “{text}” is not understood: write it like 18-45岁 or 45岁以下</translation>
    </message>
    <message>
        <source>age “{text}” has its minimum above its maximum: swap the two numbers</source>
        <translation>age “{text}” has its minimum above its maximum: swap the two numbers</translation>
    </message>
    <message>
        <source>age “{text}” is outside 0-80: check the numbers</source>
        <translation>age “{text}” is outside 0-80: check the numbers</translation>
    </message>
    <message>
        <source>openings “{text}” is not a whole number: write a number such as 30, or leave it empty</source>
        <translation>openings “{text}” is not a whole number: write a number such as 30, or leave it empty</translation>
    </message>
    <message>
        <source>code “{text}” may only use letters, digits, - _ and . (at most 32): change it or leave it empty</source>
        <translation>code “{text}” may only use letters, digits, - _ and . (at most 32): change it or leave it empty</translation>
    </message>
    <message>
        <source>code “{text}” is already used by row {first_row}: give this job its own code</source>
        <translation>code “{text}” is already used by row {first_row}: give this job its own code</translation>
    </message>
    <message>
        <source>status “{text}” is not understood: write 招聘中, 暂停 or 已关闭</source>
        <translation>status “{text}” is not understood: write 招聘中, 暂停 or 已关闭</translation>
    </message>
    <message>
        <source>urgent “{text}” is not understood: write 是 or 否</source>
        <translation>urgent “{text}” is not understood: write 是 or 否</translation>
    </message>
    <message>
        <source>{file}: the file does not exist: check the path</source>
        <translation>{file}: the file does not exist: check the path</translation>
    </message>
    <message>
        <source>{file}: the file cannot be read ({detail}): close it in Excel/WPS and try again</source>
        <translation>{file}: the file cannot be read ({detail}): close it in Excel/WPS and try again</translation>
    </message>
    <message>
        <source>{file}: the workbook is password-protected: remove the password in Excel/WPS and save it again</source>
        <translation>{file}: the workbook is password-protected: remove the password in Excel/WPS and save it again</translation>
    </message>
    <message>
        <source>{file}: the file is empty: choose the right file</source>
        <translation>{file}: the file is empty: choose the right file</translation>
    </message>
    <message>
        <source>{file}: jobs can only be exported to .xlsx or .csv: end the file name with one of them</source>
        <translation>{file}: jobs can only be exported to .xlsx or .csv: end the file name with one of them</translation>
    </message>
    <message>
        <source>{file}: this is not a spreadsheet: use an .xlsx or .csv file</source>
        <translation>{file}: this is not a spreadsheet: use an .xlsx or .csv file</translation>
    </message>
    <message>
        <source>{file}: this is an old .xls file: open it in Excel or WPS and save it as .xlsx</source>
        <translation>{file}: this is an old .xls file: open it in Excel or WPS and save it as .xlsx</translation>
    </message>
    <message>
        <source>{file}: the text is neither UTF-8 nor GBK: save the sheet again as .xlsx or UTF-8 CSV</source>
        <translation>{file}: the text is neither UTF-8 nor GBK: save the sheet again as .xlsx or UTF-8 CSV</translation>
    </message>
    <message>
        <source>{file}: cannot write the file ({detail}): close it in Excel/WPS or choose another folder</source>
        <translation>{file}: cannot write the file ({detail}): close it in Excel/WPS or choose another folder</translation>
    </message>
    <message>
        <source>{file}: no job title column found in the first rows: name a column 岗位 (or 职位, 岗位名称)</source>
        <translation>{file}: no job title column found in the first rows: name a column 岗位 (or 职位, 岗位名称)</translation>
    </message>
    <message>
        <source>The settings file {file} could not be read; defaults are in use and the file was kept as {file}.bak</source>
        <translation>The settings file {file} could not be read; defaults are in use and the file was kept as {file}.bak</translation>
    </message>
    <message>
        <source>The setting {key} in {file} has an invalid value {detail}; the default is in use</source>
        <translation>The setting {key} in {file} has an invalid value {detail}; the default is in use</translation>
    </message>
    <message>
        <source>Word list {file} is not saved as UTF-8 and was skipped: save it as UTF-8</source>
        <translation>Word list {file} is not saved as UTF-8 and was skipped: save it as UTF-8</translation>
    </message>
    <message>
        <source>Word list {file}, line {line}: the regular expression is invalid, so the file was skipped: correct or delete that line</source>
        <translation>Word list {file}, line {line}: the regular expression is invalid, so the file was skipped: correct or delete that line</translation>
    </message>
    <message>
        <source>The database {file} cannot be written safely (PRAGMA {detail}); HostDesk will not write to it. Move it to a local disk or contact support</source>
        <translation>The database {file} cannot be written safely (PRAGMA {detail}); HostDesk will not write to it. Move it to a local disk or contact support</translation>
    </message>
    <message>
        <source>The database {file} was written by a newer HostDesk; install that version to open it</source>
        <translation>The database {file} was written by a newer HostDesk; install that version to open it</translation>
    </message>
    <message>
        <source>{file}, row {row}, column “{column}”: {message}</source>
        <translation>{file}, row {row}, column “{column}”: {message}</translation>
    </message>
    <message>
        <source>{file}, row {row}: {message}</source>
        <translation>{file}, row {row}: {message}</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Dark: navy and gold</source>
        <translation>Dark: navy and gold</translation>
    </message>
    <message>
        <source>Light: white and red</source>
        <translation>Light: white and red</translation>
    </message>
</context>
</TS>
