<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AttentionListDialog</name>
    <message>
        <source>Sign-ups that need attention</source>
        <translation>Sign-ups that need attention</translation>
    </message>
    <message>
        <source>The hub refused these changes. They stay here and are never dropped: fix the sign-up and retry, or retry as it is.</source>
        <translation>The hub refused these changes. They stay here and are never dropped: fix the sign-up and retry, or retry as it is.</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Fix…</source>
        <translation>Fix…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Retry all</source>
        <translation>Retry all</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>New sign-up</source>
        <translation>New sign-up</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>Withdrawal</translation>
    </message>
    <message>
        <source>Job put on air</source>
        <translation>Job put on air</translation>
    </message>
    <message>
        <source>Job taken off air</source>
        <translation>Job taken off air</translation>
    </message>
    <message>
        <source>Show went live</source>
        <translation>Show went live</translation>
    </message>
    <message>
        <source>Show ended</source>
        <translation>Show ended</translation>
    </message>
</context>
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
    <name>CatalogueExport</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export the catalogue</source>
        <translation>Export the catalogue</translation>
    </message>
    <message>
        <source>jobs.xlsx</source>
        <translation>jobs.xlsx</translation>
    </message>
    <message>
        <source>{count} jobs exported to {file}</source>
        <translation>{count} jobs exported to {file}</translation>
    </message>
    <message>
        <source>Catalogue exported</source>
        <translation>Catalogue exported</translation>
    </message>
    <message>
        <source>The catalogue could not be exported ({detail})</source>
        <translation>The catalogue could not be exported ({detail})</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>CataloguePanel</name>
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
        <source>Job {code} is closed and cannot go on air: reopen it first</source>
        <translation>Job {code} is closed and cannot go on air: reopen it first</translation>
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
        <source>Sign-up counter on air: {count} signed up</source>
        <translation>Sign-up counter on air: {count} signed up</translation>
    </message>
    <message>
        <source>Overlay off air</source>
        <translation>Overlay off air</translation>
    </message>
    <message>
        <source>viewer sign-ups (the registration desk)</source>
        <translation>viewer sign-ups (the registration desk)</translation>
    </message>
    <message>
        <source>register a viewer for a job</source>
        <translation>register a viewer for a job</translation>
    </message>
    <message>
        <source>job code</source>
        <translation>job code</translation>
    </message>
    <message>
        <source>name or form of address</source>
        <translation>name or form of address</translation>
    </message>
    <message>
        <source>mobile number</source>
        <translation>mobile number</translation>
    </message>
    <message>
        <source>age in years (16-80)</source>
        <translation>age in years (16-80)</translation>
    </message>
    <message>
        <source>year of birth, instead of the age</source>
        <translation>year of birth, instead of the age</translation>
    </message>
    <message>
        <source>male/男 or female/女, only when the job requires it</source>
        <translation>male/男 or female/女, only when the job requires it</translation>
    </message>
    <message>
        <source>city the viewer lives in</source>
        <translation>city the viewer lives in</translation>
    </message>
    <message>
        <source>city the viewer wants to work in</source>
        <translation>city the viewer wants to work in</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>how the sign-up came: phone/电话, comment/评论, dm/私信, walk_in/现场, qr/扫码, import/导入</source>
        <translation>how the sign-up came: phone/电话, comment/评论, dm/私信, walk_in/现场, qr/扫码, import/导入</translation>
    </message>
    <message>
        <source>how consent was given: verbal/口头, checkbox/勾选, written/书面</source>
        <translation>how consent was given: verbal/口头, checkbox/勾选, written/书面</translation>
    </message>
    <message>
        <source>version of the privacy notice the viewer heard (default {version})</source>
        <translation>version of the privacy notice the viewer heard (default {version})</translation>
    </message>
    <message>
        <source>save even when the number already signed up for this job or is not an assigned mobile number</source>
        <translation>save even when the number already signed up for this job or is not an assigned mobile number</translation>
    </message>
    <message>
        <source>list sign-ups, newest first</source>
        <translation>list sign-ups, newest first</translation>
    </message>
    <message>
        <source>show names and phone numbers in full (never while on air)</source>
        <translation>show names and phone numbers in full (never while on air)</translation>
    </message>
    <message>
        <source>name, job, note or part of the phone number</source>
        <translation>name, job, note or part of the phone number</translation>
    </message>
    <message>
        <source>at most this many (default {count})</source>
        <translation>at most this many (default {count})</translation>
    </message>
    <message>
        <source>only this source</source>
        <translation>only this source</translation>
    </message>
    <message>
        <source>export sign-ups to .xlsx or .csv</source>
        <translation>export sign-ups to .xlsx or .csv</translation>
    </message>
    <message>
        <source>mask names and phone numbers (138****5678) in the file</source>
        <translation>mask names and phone numbers (138****5678) in the file</translation>
    </message>
    <message>
        <source>only this session (its id)</source>
        <translation>only this session (its id)</translation>
    </message>
    <message>
        <source>only this job code</source>
        <translation>only this job code</translation>
    </message>
    <message>
        <source>from this day or time on (2026-11-26 or 2026-11-26 20:00)</source>
        <translation>from this day or time on (2026-11-26 or 2026-11-26 20:00)</translation>
    </message>
    <message>
        <source>up to and including this day, or before this time</source>
        <translation>up to and including this day, or before this time</translation>
    </message>
    <message>
        <source>{option}: {problem}</source>
        <translation>{option}: {problem}</translation>
    </message>
    <message>
        <source>write a whole number such as 25</source>
        <translation>write a whole number such as 25</translation>
    </message>
    <message>
        <source>write a day such as 2026-11-26 or a time such as 2026-11-26 20:00</source>
        <translation>write a day such as 2026-11-26 or a time such as 2026-11-26 20:00</translation>
    </message>
    <message>
        <source>{id} {name}, registered {time}</source>
        <translation>{id} {name}, registered {time}</translation>
    </message>
    <message>
        <source> (and {count} more)</source>
        <translation> (and {count} more)</translation>
    </message>
    <message>
        <source>this phone number already signed up for job {code}: {earlier}. Add --force to register it again</source>
        <translation>this phone number already signed up for job {code}: {earlier}. Add --force to register it again</translation>
    </message>
    <message>
        <source>{phone} is not an assigned mobile number: check it with the viewer, or add --force to save it as it is</source>
        <translation>{phone} is not an assigned mobile number: check it with the viewer, or add --force to save it as it is</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Shown: {shown} of {total}</source>
        <translation>Shown: {shown} of {total}</translation>
    </message>
    <message>
        <source>{file}: sign-ups can only be exported to .xlsx or .csv: end the file name with one of them</source>
        <translation>{file}: sign-ups can only be exported to .xlsx or .csv: end the file name with one of them</translation>
    </message>
    <message>
        <source>Sign-ups exported to {file}: {count}</source>
        <translation>Sign-ups exported to {file}: {count}</translation>
    </message>
    <message>
        <source>the hub server that collects sign-ups from every PC</source>
        <translation>the hub server that collects sign-ups from every PC</translation>
    </message>
    <message>
        <source>sign-up counts from the hub</source>
        <translation>sign-up counts from the hub</translation>
    </message>
    <message>
        <source>the hub&apos;s address (default: $HOSTDESK_HUB_URL or settings)</source>
        <translation>the hub&apos;s address (default: $HOSTDESK_HUB_URL or settings)</translation>
    </message>
    <message>
        <source>the device token (default: $HOSTDESK_HUB_TOKEN or settings)</source>
        <translation>the device token (default: $HOSTDESK_HUB_TOKEN or settings)</translation>
    </message>
    <message>
        <source>This installation has no hub server (the desktop bundle leaves it out): run the hub from a source installation, see docs/hub-api.md</source>
        <translation>This installation has no hub server (the desktop bundle leaves it out): run the hub from a source installation, see docs/hub-api.md</translation>
    </message>
    <message>
        <source>the same as hostdesk-hub {verb}</source>
        <translation>the same as hostdesk-hub {verb}</translation>
    </message>
    <message>
        <source>No hub address: give --hub-url or set HOSTDESK_HUB_URL</source>
        <translation>No hub address: give --hub-url or set HOSTDESK_HUB_URL</translation>
    </message>
    <message>
        <source>The hub at {url} cannot be reached ({reason})</source>
        <translation>The hub at {url} cannot be reached ({reason})</translation>
    </message>
    <message>
        <source>The hub refused the token: check --hub-token</source>
        <translation>The hub refused the token: check --hub-token</translation>
    </message>
    <message>
        <source>The hub answered {status}, not the counts</source>
        <translation>The hub answered {status}, not the counts</translation>
    </message>
    <message>
        <source>Sign-ups: {total}</source>
        <translation>Sign-ups: {total}</translation>
    </message>
    <message>
        <source>send sign-ups to the hub and fetch from it</source>
        <translation>send sign-ups to the hub and fetch from it</translation>
    </message>
    <message>
        <source>send, fetch and check once, then exit (default: run until Ctrl+C)</source>
        <translation>send, fetch and check once, then exit (default: run until Ctrl+C)</translation>
    </message>
    <message>
        <source>count sign-up changes by sync state</source>
        <translation>count sign-up changes by sync state</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Last success</source>
        <translation>Last success</translation>
    </message>
    <message>
        <source>Next try</source>
        <translation>Next try</translation>
    </message>
    <message>
        <source>Sync is switched off in the settings ([sync] enabled = false)</source>
        <translation>Sync is switched off in the settings ([sync] enabled = false)</translation>
    </message>
    <message>
        <source>{state}: {unsynced} waiting, {attention} need attention</source>
        <translation>{state}: {unsynced} waiting, {attention} need attention</translation>
    </message>
    <message>
        <source>send new and edited jobs to the hub&apos;s catalogue</source>
        <translation>send new and edited jobs to the hub&apos;s catalogue</translation>
    </message>
    <message>
        <source>Not published: {reason}</source>
        <translation>Not published: {reason}</translation>
    </message>
    <message>
        <source>{code}: changed on the hub and here; choose a version in the window</source>
        <translation>{code}: changed on the hub and here; choose a version in the window</translation>
    </message>
    <message>
        <source>{code}: removed from the hub; it is sent again as a new job</source>
        <translation>{code}: removed from the hub; it is sent again as a new job</translation>
    </message>
    <message>
        <source>Published: {created} new, {updated} updated, {conflicts} conflicts</source>
        <translation>Published: {created} new, {updated} updated, {conflicts} conflicts</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>The code on air holds {address}, which viewers&apos; phones cannot open; the hub says they open {public}: put it in Settings as the hub address</source>
        <translation>The code on air holds {address}, which viewers&apos; phones cannot open; the hub says they open {public}: put it in Settings as the hub address</translation>
    </message>
    <message>
        <source>The code on air holds {address}, an address of this local network: viewers of a public stream cannot open it. Put the hub&apos;s public address in Settings</source>
        <translation>The code on air holds {address}, an address of this local network: viewers of a public stream cannot open it. Put the hub&apos;s public address in Settings</translation>
    </message>
    <message>
        <source>The code on air holds {address}: no viewer&apos;s phone can open it. Put the hub&apos;s public address in Settings</source>
        <translation>The code on air holds {address}: no viewer&apos;s phone can open it. Put the hub&apos;s public address in Settings</translation>
    </message>
    <message>
        <source>{title} was changed on the hub and here: viewers see the hub&apos;s version until you choose one (Job conflicts)</source>
        <translation>{title} was changed on the hub and here: viewers see the hub&apos;s version until you choose one (Job conflicts)</translation>
    </message>
    <message>
        <source>{title} was dropped from the hub&apos;s catalogue: viewers who scan the code see “job not found” until you keep it (it is then sent to the hub again) or close it</source>
        <translation>{title} was dropped from the hub&apos;s catalogue: viewers who scan the code see “job not found” until you keep it (it is then sent to the hub again) or close it</translation>
    </message>
    <message>
        <source>{title} is being sent to the hub: the code on air works as soon as the hub has it</source>
        <translation>{title} is being sent to the hub: the code on air works as soon as the hub has it</translation>
    </message>
    <message>
        <source>Nothing in the preview: pick a job or press 1–9 first</source>
        <translation>Nothing in the preview: pick a job or press 1–9 first</translation>
    </message>
    <message>
        <source>Slot {slot} of the rundown is empty</source>
        <translation>Slot {slot} of the rundown is empty</translation>
    </message>
    <message>
        <source>The rundown has no job that can go on air</source>
        <translation>The rundown has no job that can go on air</translation>
    </message>
    <message>
        <source>Job {code} is not in the catalogue</source>
        <translation>Job {code} is not in the catalogue</translation>
    </message>
    <message>
        <source>{title} is closed and cannot go on air</source>
        <translation>{title} is closed and cannot go on air</translation>
    </message>
    <message>
        <source>{title} has compliance warnings: not taken</source>
        <translation>{title} has compliance warnings: not taken</translation>
    </message>
    <message>
        <source>Auto-rotate paused by a manual take</source>
        <translation>Auto-rotate paused by a manual take</translation>
    </message>
    <message>
        <source>On air without a QR code: fill in the hub address in Settings</source>
        <translation>On air without a QR code: fill in the hub address in Settings</translation>
    </message>
    <message>
        <source>{title} is not in the hub&apos;s catalogue: viewers who scan the code will see “job not found”. Ask the office to add it, or give the job its own sign-up link</source>
        <translation>{title} is not in the hub&apos;s catalogue: viewers who scan the code will see “job not found”. Ask the office to add it, or give the job its own sign-up link</translation>
    </message>
    <message>
        <source>{title} was on air before the restart but is no longer in the catalogue: not put back on air</source>
        <translation>{title} was on air before the restart but is no longer in the catalogue: not put back on air</translation>
    </message>
    <message>
        <source>{title} was on air before the restart but is closed now: not put back on air</source>
        <translation>{title} was on air before the restart but is closed now: not put back on air</translation>
    </message>
    <message>
        <source>{title} was on air before the restart but the hub dropped it: not put back on air</source>
        <translation>{title} was on air before the restart but the hub dropped it: not put back on air</translation>
    </message>
    <message>
        <source>Next job in {seconds} s</source>
        <translation>Next job in {seconds} s</translation>
    </message>
    <message>
        <source>Could not put the job on air: {reason}</source>
        <translation>Could not put the job on air: {reason}</translation>
    </message>
</context>
<context>
    <name>Counter</name>
    <message>
        <source>{count} signed up</source>
        <translation>{count} signed up</translation>
    </message>
    <message>
        <source>{name} just signed up for {title}</source>
        <translation>{name} just signed up for {title}</translation>
    </message>
    <message>
        <source>{name} signed up {minutes} min ago for {title}</source>
        <translation>{name} signed up {minutes} min ago for {title}</translation>
    </message>
</context>
<context>
    <name>EditRegistrationDialog</name>
    <message>
        <source>Edit the sign-up</source>
        <translation>Edit the sign-up</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Age or year of birth</source>
        <translation>Age or year of birth</translation>
    </message>
    <message>
        <source>Lives in</source>
        <translation>Lives in</translation>
    </message>
    <message>
        <source>Wants to work in</source>
        <translation>Wants to work in</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>{masked} (type to replace)</source>
        <translation>{masked} (type to replace)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>EmployerExportForm</name>
    <message>
        <source>For an employer</source>
        <translation>For an employer</translation>
    </message>
    <message>
        <source>Only the viewers who agreed to be passed to the employer, with their full name and number; no internal columns</source>
        <translation>Only the viewers who agreed to be passed to the employer, with their full name and number; no internal columns</translation>
    </message>
    <message>
        <source>As the list&apos;s filters</source>
        <translation>As the list&apos;s filters</translation>
    </message>
    <message>
        <source>Every employer</source>
        <translation>Every employer</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Employer</translation>
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
    <name>FirstRunGuide</name>
    <message>
        <source>Welcome to HostDesk</source>
        <translation>Welcome to HostDesk</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>HostDesk puts job cards and sign-up QR codes into your live stream through OBS Studio. A few quick steps: connect to OBS, to the agency&apos;s hub if you have one, then choose your job list.</source>
        <translation>HostDesk puts job cards and sign-up QR codes into your live stream through OBS Studio. A few quick steps: connect to OBS, to the agency&apos;s hub if you have one, then choose your job list.</translation>
    </message>
    <message>
        <source>Connect to OBS</source>
        <translation>Connect to OBS</translation>
    </message>
    <message>
        <source>In OBS open Tools → WebSocket Server Settings, tick “Enable WebSocket server”, then click “Show Connect Info” for the port and the password.</source>
        <translation>In OBS open Tools → WebSocket Server Settings, tick “Enable WebSocket server”, then click “Show Connect Info” for the port and the password.</translation>
    </message>
    <message>
        <source>No OBS yet? Click Next: you can set it up later in Settings.</source>
        <translation>No OBS yet? Click Next: you can set it up later in Settings.</translation>
    </message>
    <message>
        <source>Connect to the hub</source>
        <translation>Connect to the hub</translation>
    </message>
    <message>
        <source>The agency&apos;s hub puts each job&apos;s sign-up page behind the QR code and gathers the sign-ups of every PC. The office gives you its address and this PC&apos;s token.</source>
        <translation>The agency&apos;s hub puts each job&apos;s sign-up page behind the QR code and gathers the sign-ups of every PC. The office gives you its address and this PC&apos;s token.</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Hub address</translation>
    </message>
    <message>
        <source>Token for this PC</source>
        <translation>Token for this PC</translation>
    </message>
    <message>
        <source>No hub yet? Click Next: you can set it up later in Settings.</source>
        <translation>No hub yet? Click Next: you can set it up later in Settings.</translation>
    </message>
    <message>
        <source>The hub address must start with https:// or http://</source>
        <translation>The hub address must start with https:// or http://</translation>
    </message>
    <message>
        <source>Your job list</source>
        <translation>Your job list</translation>
    </message>
    <message>
        <source>Load the demo jobs, to try everything out first</source>
        <translation>Load the demo jobs, to try everything out first</translation>
    </message>
    <message>
        <source>Import my own job sheet (.xlsx or .csv)</source>
        <translation>Import my own job sheet (.xlsx or .csv)</translation>
    </message>
    <message>
        <source>Start with an empty list</source>
        <translation>Start with an empty list</translation>
    </message>
    <message>
        <source>The settings could not be saved ({detail}): check the disk and try again</source>
        <translation>The settings could not be saved ({detail}): check the disk and try again</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>About HostDesk</source>
        <translation>About HostDesk</translation>
    </message>
    <message>
        <source>The user guide was not found: {path}</source>
        <translation>The user guide was not found: {path}</translation>
    </message>
    <message>
        <source>HostDesk {version}

Job cards and the QR captions use HostDesk Sans, made from Noto Sans CJK SC by Adobe, under the {licence} (OFL.txt beside the fonts).</source>
        <translation>HostDesk {version}

Job cards and the QR captions use HostDesk Sans, made from Noto Sans CJK SC by Adobe, under the {licence} (OFL.txt beside the fonts).</translation>
    </message>
</context>
<context>
    <name>Hotkeys</name>
    <message>
        <source>Put the selected job on air</source>
        <translation>Put the selected job on air</translation>
    </message>
    <message>
        <source>Next job in the rundown</source>
        <translation>Next job in the rundown</translation>
    </message>
    <message>
        <source>Previous job in the rundown</source>
        <translation>Previous job in the rundown</translation>
    </message>
    <message>
        <source>Take the overlay off air</source>
        <translation>Take the overlay off air</translation>
    </message>
    <message>
        <source>Auto-rotate on/off</source>
        <translation>Auto-rotate on/off</translation>
    </message>
</context>
<context>
    <name>HotkeysForm</name>
    <message>
        <source>Press a key here to add it</source>
        <translation>Press a key here to add it</translation>
    </message>
    <message>
        <source>Separate alternatives with “; ”, for example Right; PgDown. Keys 1 to 9 preview rundown slots 1 to 9 and Ctrl+1 to 9 put them on air: those are fixed.</source>
        <translation>Separate alternatives with “; ”, for example Right; PgDown. Keys 1 to 9 preview rundown slots 1 to 9 and Ctrl+1 to 9 put them on air: those are fixed.</translation>
    </message>
    <message>
        <source>Restore default keys</source>
        <translation>Restore default keys</translation>
    </message>
    <message>
        <source>{key} is already used for “{action}”: choose another key</source>
        <translation>{key} is already used for “{action}”: choose another key</translation>
    </message>
    <message>
        <source>{key} is kept for the rundown slots: choose another key</source>
        <translation>{key} is kept for the rundown slots: choose another key</translation>
    </message>
    <message>
        <source>“{key}” is several keys in a row: use one key, with Ctrl/Shift/Alt if needed</source>
        <translation>“{key}” is several keys in a row: use one key, with Ctrl/Shift/Alt if needed</translation>
    </message>
    <message>
        <source>“{key}” is not a key name: press the key in the box on the right instead</source>
        <translation>“{key}” is not a key name: press the key in the box on the right instead</translation>
    </message>
</context>
<context>
    <name>HubConnectionTest</name>
    <message>
        <source>Fill in the hub address and this PC&apos;s token first</source>
        <translation>Fill in the hub address and this PC&apos;s token first</translation>
    </message>
    <message>
        <source>The hub at {address} does not know this token, or it was revoked: ask the office for this PC&apos;s token</source>
        <translation>The hub at {address} does not know this token, or it was revoked: ask the office for this PC&apos;s token</translation>
    </message>
    <message>
        <source>The hub at {address} refused this token (its account is disabled): ask the office for a new one</source>
        <translation>The hub at {address} refused this token (its account is disabled): ask the office for a new one</translation>
    </message>
    <message>
        <source>No hub answers at {address}: check the address (the hub&apos;s own, like https://hub.example.cn)</source>
        <translation>No hub answers at {address}: check the address (the hub&apos;s own, like https://hub.example.cn)</translation>
    </message>
    <message>
        <source>Could not reach {address}: check the address and this PC&apos;s network connection</source>
        <translation>Could not reach {address}: check the address and this PC&apos;s network connection</translation>
    </message>
    <message>
        <source>{address} answered, but not as the hub: a Wi-Fi login page, or the wrong address?</source>
        <translation>{address} answered, but not as the hub: a Wi-Fi login page, or the wrong address?</translation>
    </message>
    <message>
        <source>The hub at {address} has a problem right now: try again in a minute, or tell the office</source>
        <translation>The hub at {address} has a problem right now: try again in a minute, or tell the office</translation>
    </message>
    <message>
        <source>{address} is this computer&apos;s own address: no viewer&apos;s phone can open the QR code. Put the hub&apos;s public address here</source>
        <translation>{address} is this computer&apos;s own address: no viewer&apos;s phone can open the QR code. Put the hub&apos;s public address here</translation>
    </message>
    <message>
        <source>{address} is a listening address, not one a phone can go to: put the hub&apos;s public address here</source>
        <translation>{address} is a listening address, not one a phone can go to: put the hub&apos;s public address here</translation>
    </message>
    <message>
        <source>{address} only works on this cable: viewers&apos; phones cannot open the QR code. Put the hub&apos;s public address here</source>
        <translation>{address} only works on this cable: viewers&apos; phones cannot open the QR code. Put the hub&apos;s public address here</translation>
    </message>
    <message>
        <source>{address} is an address of this local network: viewers of a public stream cannot open the QR code. Put the hub&apos;s public address here</source>
        <translation>{address} is an address of this local network: viewers of a public stream cannot open the QR code. Put the hub&apos;s public address here</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Connecting to the hub…</source>
        <translation>Connecting to the hub…</translation>
    </message>
    <message>
        <source>Connected: this PC is “{name}” on the hub</source>
        <translation>Connected: this PC is “{name}” on the hub</translation>
    </message>
    <message>
        <source>The test failed unexpectedly ({detail})</source>
        <translation>The test failed unexpectedly ({detail})</translation>
    </message>
    <message>
        <source> (the hub says its public address is {public})</source>
        <translation> (the hub says its public address is {public})</translation>
    </message>
</context>
<context>
    <name>ImportFilePage</name>
    <message>
        <source>Choose a job sheet</source>
        <translation>Choose a job sheet</translation>
    </message>
    <message>
        <source>An .xlsx or .csv file with one job per row.</source>
        <translation>An .xlsx or .csv file with one job per row.</translation>
    </message>
    <message>
        <source>Path of the .xlsx or .csv file</source>
        <translation>Path of the .xlsx or .csv file</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Import job sheet</source>
        <translation>Import job sheet</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>Spreadsheets (*.xlsx *.csv);;All files (*)</translation>
    </message>
</context>
<context>
    <name>ImportPreviewPage</name>
    <message>
        <source>Check before importing</source>
        <translation>Check before importing</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Reading {file}…</translation>
    </message>
    <message>
        <source>Nothing has been saved yet. Importing {file} will give:</source>
        <translation>Nothing has been saved yet. Importing {file} will give:</translation>
    </message>
    <message>
        <source>No row of {file} can be imported: correct the rows below, or go back and choose another file.</source>
        <translation>No row of {file} can be imported: correct the rows below, or go back and choose another file.</translation>
    </message>
    <message>
        <source>{created} new, {updated} updated, {unchanged} unchanged, {refused} refused</source>
        <translation>{created} new, {updated} updated, {unchanged} unchanged, {refused} refused</translation>
    </message>
    <message>
        <source>{count} rows will be imported with the warnings below; correct the sheet where they matter:</source>
        <translation>{count} rows will be imported with the warnings below; correct the sheet where they matter:</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Every row can be imported.</source>
        <translation>Every row can be imported.</translation>
    </message>
    <message>
        <source>{count} rows will not be imported; correct them in the sheet and import it again:</source>
        <translation>{count} rows will not be imported; correct them in the sheet and import it again:</translation>
    </message>
    <message>
        <source>… and {count} more problems</source>
        <translation>… and {count} more problems</translation>
    </message>
    <message>
        <source>{problem}
Go back to choose another file.</source>
        <translation>{problem}
Go back to choose another file.</translation>
    </message>
</context>
<context>
    <name>ImportProgressPage</name>
    <message>
        <source>Importing</source>
        <translation>Importing</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <source>Saving the jobs…</source>
        <translation>Saving the jobs…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Saved {done} of {total} jobs…</source>
        <translation>Saved {done} of {total} jobs…</translation>
    </message>
</context>
<context>
    <name>ImportSummaryPage</name>
    <message>
        <source>Import finished</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <source>{created} new, {updated} updated, {unchanged} unchanged, {refused} rows refused. The catalogue is saved.</source>
        <translation>{created} new, {updated} updated, {unchanged} unchanged, {refused} rows refused. The catalogue is saved.</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>Import cancelled</translation>
    </message>
    <message>
        <source>Nothing was written: the catalogue is as it was.</source>
        <translation>Nothing was written: the catalogue is as it was.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <source>Nothing was written: {problem}</source>
        <translation>Nothing was written: {problem}</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>… and {count} more warnings</source>
        <translation>… and {count} more warnings</translation>
    </message>
    <message>
        <source>Import job sheet</source>
        <translation>Import job sheet</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Finish</translation>
    </message>
</context>
<context>
    <name>JobConflictsDialog</name>
    <message>
        <source>Job conflicts with the hub</source>
        <translation>Job conflicts with the hub</translation>
    </message>
    <message>
        <source>These jobs were edited here while the agency changed them on the hub. Your version is kept until you choose.</source>
        <translation>These jobs were edited here while the agency changed them on the hub. Your version is kept until you choose.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Fields that differ</source>
        <translation>Fields that differ</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Mine (kept now)</source>
        <translation>Mine (kept now)</translation>
    </message>
    <message>
        <source>The hub&apos;s</source>
        <translation>The hub&apos;s</translation>
    </message>
    <message>
        <source>Take the hub&apos;s</source>
        <translation>Take the hub&apos;s</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>JobEditorDialog</name>
    <message>
        <source>New job</source>
        <translation>New job</translation>
    </message>
    <message>
        <source>Edit job {code}</source>
        <translation>Edit job {code}</translation>
    </message>
    <message>
        <source>Duplicate job {code}</source>
        <translation>Duplicate job {code}</translation>
    </message>
    <message>
        <source>e.g. 5000-6500元/月, 22元/小时 or 面议</source>
        <translation>e.g. 5000-6500元/月, 22元/小时 or 面议</translation>
    </message>
    <message>
        <source>e.g. 18-45岁, 45岁以下; empty means no limit</source>
        <translation>e.g. 18-45岁, 45岁以下; empty means no limit</translation>
    </message>
    <message>
        <source>separate with 、 or commas: 包吃住、五险一金</source>
        <translation>separate with 、 or commas: 包吃住、五险一金</translation>
    </message>
    <message>
        <source>a number, or leave empty</source>
        <translation>a number, or leave empty</translation>
    </message>
    <message>
        <source>Card preview (as shown on air)</source>
        <translation>Card preview (as shown on air)</translation>
    </message>
    <message>
        <source>Compliance warnings</source>
        <translation>Compliance warnings</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close job</source>
        <translation>Close job</translation>
    </message>
    <message>
        <source>Save this job as closed: it stays in the list but cannot go on air</source>
        <translation>Save this job as closed: it stays in the list but cannot go on air</translation>
    </message>
    <message>
        <source>generated: {code}</source>
        <translation>generated: {code}</translation>
    </message>
    <message>
        <source>on the card: {value}</source>
        <translation>on the card: {value}</translation>
    </message>
    <message>
        <source>no age limit</source>
        <translation>no age limit</translation>
    </message>
    <message>
        <source>No warnings</source>
        <translation>No warnings</translation>
    </message>
    <message>
        <source>The preview failed: {detail}</source>
        <translation>The preview failed: {detail}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>The job was not saved: {detail}</source>
        <translation>The job was not saved: {detail}</translation>
    </message>
    <message>
        <source>Enter the job title</source>
        <translation>Enter the job title</translation>
    </message>
    <message>
        <source>code “{text}” is already used by another job: choose another code</source>
        <translation>code “{text}” is already used by another job: choose another code</translation>
    </message>
    <message>
        <source>this job is no longer in the catalogue: close this window and reload the list</source>
        <translation>this job is no longer in the catalogue: close this window and reload the list</translation>
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
        <source>looks or height requirement “{text}” is discrimination: remove it</source>
        <translation>looks or height requirement “{text}” is discrimination: remove it</translation>
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
        <source>TAKE (Space)</source>
        <translation>TAKE (Space)</translation>
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
        <source>Clear (Esc)</source>
        <translation>Clear (Esc)</translation>
    </message>
    <message>
        <source>Sign-up counter</source>
        <translation>Sign-up counter</translation>
    </message>
    <message>
        <source>Show how many have signed up for the job on air, and the newest sign-up</source>
        <translation>Show how many have signed up for the job on air, and the newest sign-up</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>On air</source>
        <translation>On air</translation>
    </message>
    <message>
        <source>Job catalogue</source>
        <translation>Job catalogue</translation>
    </message>
    <message>
        <source>Sign-ups</source>
        <translation>Sign-ups</translation>
    </message>
    <message>
        <source>Tonight&apos;s rundown</source>
        <translation>Tonight&apos;s rundown</translation>
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
        <source>&amp;Export catalogue…</source>
        <translation>&amp;Export catalogue…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>&amp;Jobs</translation>
    </message>
    <message>
        <source>Find a job</source>
        <translation>Find a job</translation>
    </message>
    <message>
        <source>&amp;New job…</source>
        <translation>&amp;New job…</translation>
    </message>
    <message>
        <source>&amp;Edit job…</source>
        <translation>&amp;Edit job…</translation>
    </message>
    <message>
        <source>&amp;Duplicate job…</source>
        <translation>&amp;Duplicate job…</translation>
    </message>
    <message>
        <source>&amp;Close job</source>
        <translation>&amp;Close job</translation>
    </message>
    <message>
        <source>Publish to the hub</source>
        <translation>Publish to the hub</translation>
    </message>
    <message>
        <source>&amp;Live</source>
        <translation>&amp;Live</translation>
    </message>
    <message>
        <source>Take the preview</source>
        <translation>Take the preview</translation>
    </message>
    <message>
        <source>Next job</source>
        <translation>Next job</translation>
    </message>
    <message>
        <source>Previous job</source>
        <translation>Previous job</translation>
    </message>
    <message>
        <source>Clear the overlay</source>
        <translation>Clear the overlay</translation>
    </message>
    <message>
        <source>Start or stop the session…</source>
        <translation>Start or stop the session…</translation>
    </message>
    <message>
        <source>Show report…</source>
        <translation>Show report…</translation>
    </message>
    <message>
        <source>Sign-up form</source>
        <translation>Sign-up form</translation>
    </message>
    <message>
        <source>Auto-rotate on or off</source>
        <translation>Auto-rotate on or off</translation>
    </message>
    <message>
        <source>Preview rundown slot {slot}</source>
        <translation>Preview rundown slot {slot}</translation>
    </message>
    <message>
        <source>Take rundown slot {slot}</source>
        <translation>Take rundown slot {slot}</translation>
    </message>
    <message>
        <source>Slot {slot} is empty</source>
        <translation>Slot {slot} is empty</translation>
    </message>
    <message>
        <source>Quit during the show?</source>
        <translation>Quit during the show?</translation>
    </message>
    <message>
        <source>The show is live. Quit HostDesk anyway? The hotkeys, the sign-up form and the counter stop until HostDesk is open again.</source>
        <translation>The show is live. Quit HostDesk anyway? The hotkeys, the sign-up form and the counter stop until HostDesk is open again.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Keep running</translation>
    </message>
    <message>
        <source>The new language is used from the next start of HostDesk.</source>
        <translation>The new language is used from the next start of HostDesk.</translation>
    </message>
    <message>
        <source>Publishing the jobs to the hub…</source>
        <translation>Publishing the jobs to the hub…</translation>
    </message>
    <message>
        <source>Pick a job first</source>
        <translation>Pick a job first</translation>
    </message>
    <message>
        <source>Close job</source>
        <translation>Close job</translation>
    </message>
    <message>
        <source>Close {title}? It stays in the catalogue but can no longer go on air.</source>
        <translation>Close {title}? It stays in the catalogue but can no longer go on air.</translation>
    </message>
    <message>
        <source>Sign-up link: {url}</source>
        <translation>Sign-up link: {url}</translation>
    </message>
    <message>
        <source>Sent to OBS…</source>
        <translation>Sent to OBS…</translation>
    </message>
    <message>
        <source>On air in the output folder only: OBS is not connected</source>
        <translation>On air in the output folder only: OBS is not connected</translation>
    </message>
    <message>
        <source>On air in OBS ({ms:.0f} ms)</source>
        <translation>On air in OBS ({ms:.0f} ms)</translation>
    </message>
    <message>
        <source>OBS did not answer: check that OBS is responding</source>
        <translation>OBS did not answer: check that OBS is responding</translation>
    </message>
    <message>
        <source>Off air</source>
        <translation>Off air</translation>
    </message>
    <message>
        <source>Overlay cleared</source>
        <translation>Overlay cleared</translation>
    </message>
    <message>
        <source>{title} has compliance warnings:</source>
        <translation>{title} has compliance warnings:</translation>
    </message>
    <message>
        <source>Show it anyway</source>
        <translation>Show it anyway</translation>
    </message>
    <message>
        <source>Don&apos;t show</source>
        <translation>Don&apos;t show</translation>
    </message>
    <message>
        <source>{shown} of {total} jobs shown · {warned} with warnings</source>
        <translation>{shown} of {total} jobs shown · {warned} with warnings</translation>
    </message>
    <message>
        <source>No warnings for {0}</source>
        <translation>No warnings for {0}</translation>
    </message>
</context>
<context>
    <name>ObsConnectionForm</name>
    <message>
        <source>The address must start with ws://, for example ws://127.0.0.1:4455</source>
        <translation>The address must start with ws://, for example ws://127.0.0.1:4455</translation>
    </message>
    <message>
        <source>OBS&apos;s WebSocket server does not use encryption: write ws:// instead of wss://</source>
        <translation>OBS&apos;s WebSocket server does not use encryption: write ws:// instead of wss://</translation>
    </message>
    <message>
        <source>The address names no computer: write it like ws://127.0.0.1:4455 (127.0.0.1 is this computer)</source>
        <translation>The address names no computer: write it like ws://127.0.0.1:4455 (127.0.0.1 is this computer)</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535, as shown in OBS (4455 unless changed)</source>
        <translation>The port must be a number from 1 to 65535, as shown in OBS (4455 unless changed)</translation>
    </message>
    <message>
        <source>OBS is not running at {address}, or its WebSocket server is off: start OBS and turn the server on in Tools → WebSocket Server Settings</source>
        <translation>OBS is not running at {address}, or its WebSocket server is off: start OBS and turn the server on in Tools → WebSocket Server Settings</translation>
    </message>
    <message>
        <source>OBS at {address} refused the password: copy it from Tools → WebSocket Server Settings → Show Connect Info</source>
        <translation>OBS at {address} refused the password: copy it from Tools → WebSocket Server Settings → Show Connect Info</translation>
    </message>
    <message>
        <source>{address} did not answer like OBS within a few seconds: check the address and port, or restart OBS</source>
        <translation>{address} did not answer like OBS within a few seconds: check the address and port, or restart OBS</translation>
    </message>
    <message>
        <source>Could not connect to OBS at {address}: check the address and port in Tools → WebSocket Server Settings</source>
        <translation>Could not connect to OBS at {address}: check the address and port in Tools → WebSocket Server Settings</translation>
    </message>
    <message>
        <source>OBS at {address} connected but refused a request: update OBS to version 28 or later</source>
        <translation>OBS at {address} connected but refused a request: update OBS to version 28 or later</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Connecting to OBS…</source>
        <translation>Connecting to OBS…</translation>
    </message>
    <message>
        <source>Connected: OBS {obs} (obs-websocket {ws}), canvas {width}×{height} at {fps} fps</source>
        <translation>Connected: OBS {obs} (obs-websocket {ws}), canvas {width}×{height} at {fps} fps</translation>
    </message>
    <message>
        <source>The test failed unexpectedly ({detail})</source>
        <translation>The test failed unexpectedly ({detail})</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Hide</translation>
    </message>
</context>
<context>
    <name>ObsStatusWidget</name>
    <message>
        <source>Connect now</source>
        <translation>Connect now</translation>
    </message>
    <message>
        <source>Set up overlay in OBS</source>
        <translation>Set up overlay in OBS</translation>
    </message>
    <message>
        <source>OBS has a source named “{name}” of another kind: rename it in OBS</source>
        <translation>OBS has a source named “{name}” of another kind: rename it in OBS</translation>
    </message>
    <message>
        <source>OBS connected · canvas {w}x{h}</source>
        <translation>OBS connected · canvas {w}x{h}</translation>
    </message>
    <message>
        <source>OBS connected</source>
        <translation>OBS connected</translation>
    </message>
    <message>
        <source>OBS not set up: images go to the output folder</source>
        <translation>OBS not set up: images go to the output folder</translation>
    </message>
    <message>
        <source>Connecting to OBS…</source>
        <translation>Connecting to OBS…</translation>
    </message>
    <message>
        <source>OBS connection lost, reconnecting…</source>
        <translation>OBS connection lost, reconnecting…</translation>
    </message>
    <message>
        <source>OBS refused the password: check it in Settings</source>
        <translation>OBS refused the password: check it in Settings</translation>
    </message>
    <message>
        <source>OBS is not running (or its WebSocket server is off)</source>
        <translation>OBS is not running (or its WebSocket server is off)</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
</context>
<context>
    <name>Position</name>
    <message>
        <source>Card left, QR code right</source>
        <translation>Card left, QR code right</translation>
    </message>
    <message>
        <source>QR code left, card right</source>
        <translation>QR code left, card right</translation>
    </message>
    <message>
        <source>Along the left edge</source>
        <translation>Along the left edge</translation>
    </message>
    <message>
        <source>Along the right edge</source>
        <translation>Along the right edge</translation>
    </message>
    <message>
        <source>Low, above the comments</source>
        <translation>Low, above the comments</translation>
    </message>
    <message>
        <source>High, below the streamer&apos;s name</source>
        <translation>High, below the streamer&apos;s name</translation>
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
        <source>pay “{text}” is imported as written, without figures: write it like 6000-8000元/月, 22元/小时 or 面议 to have it read</source>
        <translation>pay “{text}” is imported as written, without figures: write it like 6000-8000元/月, 22元/小时 or 面议 to have it read</translation>
    </message>
    <message>
        <source>age “{text}” is imported as written, without a band: write it like 18-45岁 or 45岁以下 to have it read</source>
        <translation>age “{text}” is imported as written, without a band: write it like 18-45岁 or 45岁以下 to have it read</translation>
    </message>
    <message>
        <source>code “{text}” cannot be used, so the job got a generated one: use letters, digits, - _ and . (at most 32)</source>
        <translation>code “{text}” cannot be used, so the job got a generated one: use letters, digits, - _ and . (at most 32)</translation>
    </message>
    <message>
        <source>status “{text}” is not understood, so the job is paused: write 招聘中, 暂停 or 已关闭</source>
        <translation>status “{text}” is not understood, so the job is paused: write 招聘中, 暂停 or 已关闭</translation>
    </message>
    <message>
        <source>the card&apos;s font has no “{text}”: the card shows it in another font if this PC has one, else leaves emoji out and shows other characters as 〓</source>
        <translation>the card&apos;s font has no “{text}”: the card shows it in another font if this PC has one, else leaves emoji out and shows other characters as 〓</translation>
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
        <source>Rows: {full} read fully, {warned} read with warnings, {refused} refused</source>
        <translation>Rows: {full} read fully, {warned} read with warnings, {refused} refused</translation>
    </message>
    <message>
        <source>{file}, row {row}: {message}</source>
        <translation>{file}, row {row}: {message}</translation>
    </message>
    <message>
        <source>no job has the code {code}: reload the catalogue</source>
        <translation>no job has the code {code}: reload the catalogue</translation>
    </message>
    <message>
        <source>job {code} is closed and cannot go on air: reopen it first</source>
        <translation>job {code} is closed and cannot go on air: reopen it first</translation>
    </message>
    <message>
        <source>a file could not be written ({detail}): check the disk and the data folder</source>
        <translation>a file could not be written ({detail}): check the disk and the data folder</translation>
    </message>
    <message>
        <source>something went wrong ({detail}): see the log file</source>
        <translation>something went wrong ({detail}): see the log file</translation>
    </message>
</context>
<context>
    <name>PublishNow</name>
    <message>
        <source>Published to the hub: {created} new, {updated} updated. {conflicts} were changed on the hub too and wait for you under Job conflicts</source>
        <translation>Published to the hub: {created} new, {updated} updated. {conflicts} were changed on the hub too and wait for you under Job conflicts</translation>
    </message>
    <message>
        <source>The hub already has every job as it is here</source>
        <translation>The hub already has every job as it is here</translation>
    </message>
    <message>
        <source>Published to the hub: {created} new, {updated} updated</source>
        <translation>Published to the hub: {created} new, {updated} updated</translation>
    </message>
    <message>
        <source>No hub is set up: fill in its address and this PC&apos;s token in Settings</source>
        <translation>No hub is set up: fill in its address and this PC&apos;s token in Settings</translation>
    </message>
    <message>
        <source>The hub refused the publish ({reason}): check the address and token in Settings</source>
        <translation>The hub refused the publish ({reason}): check the address and token in Settings</translation>
    </message>
    <message>
        <source>The hub cannot be reached ({reason}): nothing was published. The jobs stay here and go to the hub once it answers</source>
        <translation>The hub cannot be reached ({reason}): nothing was published. The jobs stay here and go to the hub once it answers</translation>
    </message>
</context>
<context>
    <name>RegistrationDialogs</name>
    <message>
        <source>Don&apos;t save</source>
        <translation>Don&apos;t save</translation>
    </message>
    <message>
        <source>Already signed up</source>
        <translation>Already signed up</translation>
    </message>
    <message>
        <source>This phone number is already signed up for this job:</source>
        <translation>This phone number is already signed up for this job:</translation>
    </message>
    <message>
        <source>Save again</source>
        <translation>Save again</translation>
    </message>
    <message>
        <source>Check the phone number</source>
        <translation>Check the phone number</translation>
    </message>
    <message>
        <source>{phone} is not a number in use in mainland China as far as HostDesk knows.</source>
        <translation>{phone} is not a number in use in mainland China as far as HostDesk knows.</translation>
    </message>
    <message>
        <source>Read it back to the caller. Save it anyway if it is right; the override is recorded.</source>
        <translation>Read it back to the caller. Save it anyway if it is right; the override is recorded.</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Save anyway</translation>
    </message>
    <message>
        <source>Withdraw the sign-up</source>
        <translation>Withdraw the sign-up</translation>
    </message>
    <message>
        <source>Withdraw this sign-up? It stays in the list as withdrawn.</source>
        <translation>Withdraw this sign-up? It stays in the list as withdrawn.</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <source>type the age (such as 35) or the year of birth (such as 1990)</source>
        <translation>type the age (such as 35) or the year of birth (such as 1990)</translation>
    </message>
    <message>
        <source>Saved {name} {phone}</source>
        <translation>Saved {name} {phone}</translation>
    </message>
</context>
<context>
    <name>RegistrationExportDialog</name>
    <message>
        <source>Export sign-ups</source>
        <translation>Export sign-ups</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Mask names and phone numbers</source>
        <translation>Mask names and phone numbers</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>The sign-ups the list&apos;s filters match go to this file:</source>
        <translation>The sign-ups the list&apos;s filters match go to this file:</translation>
    </message>
    <message>
        <source>{count} sign-ups exported to {file}</source>
        <translation>{count} sign-ups exported to {file}</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written</source>
        <translation>Export cancelled: no file was written</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV, UTF-8 (*.csv)</translation>
    </message>
</context>
<context>
    <name>RegistrationForm</name>
    <message>
        <source>11-digit mobile</source>
        <translation>11-digit mobile</translation>
    </message>
    <message>
        <source>35 or 1990</source>
        <translation>35 or 1990</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Lives in</source>
        <translation>Lives in</translation>
    </message>
    <message>
        <source>Wants to work in</source>
        <translation>Wants to work in</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Choose a job</source>
        <translation>Choose a job</translation>
    </message>
    <message>
        <source>Not saved: this phone is already signed up for this job.</source>
        <translation>Not saved: this phone is already signed up for this job.</translation>
    </message>
    <message>
        <source>The draft could not be kept: {reason}</source>
        <translation>The draft could not be kept: {reason}</translation>
    </message>
</context>
<context>
    <name>RegistrationTableModel</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
</context>
<context>
    <name>Registrations</name>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Current city</source>
        <translation>Current city</translation>
    </message>
    <message>
        <source>Expected city</source>
        <translation>Expected city</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Privacy notice version</source>
        <translation>Privacy notice version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>Direct message</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>QR code</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Verbal</source>
        <translation>Verbal</translation>
    </message>
    <message>
        <source>Checkbox</source>
        <translation>Checkbox</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Syncing</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synced</translation>
    </message>
    <message>
        <source>Will retry</source>
        <translation>Will retry</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Enter the person&apos;s name or how to address them (e.g. 张先生)</source>
        <translation>Enter the person&apos;s name or how to address them (e.g. 张先生)</translation>
    </message>
    <message>
        <source>The name is longer than {limit} characters: shorten it</source>
        <translation>The name is longer than {limit} characters: shorten it</translation>
    </message>
    <message>
        <source>Enter a mobile number</source>
        <translation>Enter a mobile number</translation>
    </message>
    <message>
        <source>This is not a mainland mobile number: enter 11 digits starting with 13 to 19 (+86 in front is fine)</source>
        <translation>This is not a mainland mobile number: enter 11 digits starting with 13 to 19 (+86 in front is fine)</translation>
    </message>
    <message>
        <source>Under 16: the law forbids employing them, so this sign-up cannot be saved</source>
        <translation>Under 16: the law forbids employing them, so this sign-up cannot be saved</translation>
    </message>
    <message>
        <source>The age must be from 16 to 80: check the age or birth year</source>
        <translation>The age must be from 16 to 80: check the age or birth year</translation>
    </message>
    <message>
        <source>The note is longer than {limit} characters: shorten it</source>
        <translation>The note is longer than {limit} characters: shorten it</translation>
    </message>
    <message>
        <source>The city is longer than {limit} characters: shorten it</source>
        <translation>The city is longer than {limit} characters: shorten it</translation>
    </message>
    <message>
        <source>No job has this code: choose a job from the list</source>
        <translation>No job has this code: choose a job from the list</translation>
    </message>
    <message>
        <source>This job is closed: choose an open job</source>
        <translation>This job is closed: choose an open job</translation>
    </message>
    <message>
        <source>Unknown source: choose phone call, comment, direct message, walk-in, QR code or import</source>
        <translation>Unknown source: choose phone call, comment, direct message, walk-in, QR code or import</translation>
    </message>
    <message>
        <source>Record how the person agreed (verbal, checkbox or written) and the notice version</source>
        <translation>Record how the person agreed (verbal, checkbox or written) and the notice version</translation>
    </message>
    <message>
        <source>Gender must be male, female or left empty</source>
        <translation>Gender must be male, female or left empty</translation>
    </message>
    <message>
        <source>{field} contains control characters (such as NUL) that cannot be saved: retype it</source>
        <translation>{field} contains control characters (such as NUL) that cannot be saved: retype it</translation>
    </message>
    <message>
        <source>This sign-up was withdrawn and can no longer be edited</source>
        <translation>This sign-up was withdrawn and can no longer be edited</translation>
    </message>
    <message>
        <source>The personal data of this sign-up was erased after the retention period; it cannot be edited</source>
        <translation>The personal data of this sign-up was erased after the retention period; it cannot be edited</translation>
    </message>
    <message>
        <source>This sign-up no longer exists: refresh the list</source>
        <translation>This sign-up no longer exists: refresh the list</translation>
    </message>
    <message>
        <source>This phone number has already signed up for this job (earlier sign-ups: {count}): save again only if that is intended</source>
        <translation>This phone number has already signed up for this job (earlier sign-ups: {count}): save again only if that is intended</translation>
    </message>
    <message>
        <source>This number is not in any assigned mobile range: check it with the person, or confirm to save it anyway</source>
        <translation>This number is not in any assigned mobile range: check it with the person, or confirm to save it anyway</translation>
    </message>
    <message>
        <source>The database is read-only, so the sign-up was NOT saved: check the data folder&apos;s permissions</source>
        <translation>The database is read-only, so the sign-up was NOT saved: check the data folder&apos;s permissions</translation>
    </message>
    <message>
        <source>The disk is full, so the sign-up was NOT saved: free some space and save again</source>
        <translation>The disk is full, so the sign-up was NOT saved: free some space and save again</translation>
    </message>
    <message>
        <source>The database is not in safe-write mode (PRAGMA {detail}), so the sign-up was NOT saved: restart HostDesk</source>
        <translation>The database is not in safe-write mode (PRAGMA {detail}), so the sign-up was NOT saved: restart HostDesk</translation>
    </message>
    <message>
        <source>The database is busy (another HostDesk is writing), so the sign-up was NOT saved: save again</source>
        <translation>The database is busy (another HostDesk is writing), so the sign-up was NOT saved: save again</translation>
    </message>
    <message>
        <source>The disk reported an error ({detail}), so the sign-up was NOT saved: check the disk and save again</source>
        <translation>The disk reported an error ({detail}), so the sign-up was NOT saved: check the disk and save again</translation>
    </message>
    <message>
        <source>The key file {detail} in the data folder is damaged, so nothing can be saved: restore it from a backup</source>
        <translation>The key file {detail} in the data folder is damaged, so nothing can be saved: restore it from a backup</translation>
    </message>
    <message>
        <source>Aged 16 or 17: a minor; the employer must follow the rules for young workers</source>
        <translation>Aged 16 or 17: a minor; the employer must follow the rules for young workers</translation>
    </message>
</context>
<context>
    <name>RegistrationsList</name>
    <message>
        <source>Search name, phone digits, job or note</source>
        <translation>Search name, phone digits, job or note</translation>
    </message>
    <message>
        <source>This session</source>
        <translation>This session</translation>
    </message>
    <message>
        <source>All sessions</source>
        <translation>All sessions</translation>
    </message>
    <message>
        <source>All jobs</source>
        <translation>All jobs</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>All sources</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Any date</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Reveal</translation>
    </message>
    <message>
        <source>Show the selected row unmasked for 10 seconds</source>
        <translation>Show the selected row unmasked for 10 seconds</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>More</source>
        <translation>More</translation>
    </message>
    <message>
        <source>{shown} of {total} sign-ups</source>
        <translation>{shown} of {total} sign-ups</translation>
    </message>
</context>
<context>
    <name>RundownPanel</name>
    <message>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Alt+Up</source>
        <translation>Alt+Up</translation>
    </message>
    <message>
        <source>Alt+Down</source>
        <translation>Alt+Down</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Auto-rotate every</source>
        <translation>Auto-rotate every</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Double-click, Enter or drag a job here. 1–9 preview a slot, Ctrl+1–9 take it.</source>
        <translation>Double-click, Enter or drag a job here. 1–9 preview a slot, Ctrl+1–9 take it.</translation>
    </message>
</context>
<context>
    <name>SessionBar</name>
    <message>
        <source>Start session…</source>
        <translation>Start session…</translation>
    </message>
    <message>
        <source>Stop session</source>
        <translation>Stop session</translation>
    </message>
    <message>
        <source>Not live yet · the rundown is ready for the next session</source>
        <translation>Not live yet · the rundown is ready for the next session</translation>
    </message>
    <message>
        <source>Host {host}</source>
        <translation>Host {host}</translation>
    </message>
    <message>
        <source>● LIVE  {where}</source>
        <translation>● LIVE  {where}</translation>
    </message>
    <message>
        <source>Ended  {where}</source>
        <translation>Ended  {where}</translation>
    </message>
    <message>
        <source>On air {clock}</source>
        <translation>On air {clock}</translation>
    </message>
    <message>
        <source>Stop the session</source>
        <translation>Stop the session</translation>
    </message>
    <message>
        <source>Stop the live session in {room}? The record of takes is kept.</source>
        <translation>Stop the live session in {room}? The record of takes is kept.</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Start the live session</source>
        <translation>Start the live session</translation>
    </message>
    <message>
        <source>e.g. 青岛招聘直播间</source>
        <translation>e.g. 青岛招聘直播间</translation>
    </message>
    <message>
        <source>optional, e.g. 蔚姐</source>
        <translation>optional, e.g. Wei</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Room name</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Go live</source>
        <translation>Go live</translation>
    </message>
</context>
<context>
    <name>Sessions</name>
    <message>
        <source>Kuaishou</source>
        <translation>Kuaishou</translation>
    </message>
    <message>
        <source>Douyin</source>
        <translation>Douyin</translation>
    </message>
    <message>
        <source>WeChat Channels</source>
        <translation>WeChat Channels</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>platform “{text}” is not known: choose Kuaishou, Douyin, WeChat Channels or Other</source>
        <translation>platform “{text}” is not known: choose Kuaishou, Douyin, WeChat Channels or Other</translation>
    </message>
    <message>
        <source>the room name is empty: type the name of the live room</source>
        <translation>the room name is empty: type the name of the live room</translation>
    </message>
    <message>
        <source>the room name is longer than {limit} characters: shorten it</source>
        <translation>the room name is longer than {limit} characters: shorten it</translation>
    </message>
    <message>
        <source>the host&apos;s name is longer than {limit} characters: shorten it</source>
        <translation>the host&apos;s name is longer than {limit} characters: shorten it</translation>
    </message>
    <message>
        <source>the host&apos;s name holds a line break or a control character: type it again</source>
        <translation>the host&apos;s name holds a line break or a control character: type it again</translation>
    </message>
    <message>
        <source>this session is already live: stop it before starting a new one</source>
        <translation>this session is already live: stop it before starting a new one</translation>
    </message>
    <message>
        <source>no session is live: start one first</source>
        <translation>no session is live: start one first</translation>
    </message>
    <message>
        <source>this session has ended: tonight&apos;s list is in the new session</source>
        <translation>this session has ended: tonight&apos;s list is in the new session</translation>
    </message>
    <message>
        <source>rotate every {min} to {max} seconds: change the interval</source>
        <translation>rotate every {min} to {max} seconds: change the interval</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>OBS</source>
        <translation>OBS</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Overlay</translation>
    </message>
    <message>
        <source>Sign-up link</source>
        <translation>Sign-up link</translation>
    </message>
    <message>
        <source>Hotkeys</source>
        <translation>Hotkeys</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Reading the saved password…</source>
        <translation>Reading the saved password…</translation>
    </message>
    <message>
        <source>Find these in OBS under Tools → WebSocket Server Settings (Show Connect Info).</source>
        <translation>Find these in OBS under Tools → WebSocket Server Settings (Show Connect Info).</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Show how many signed up and the newest sign-up (name masked) over the card</source>
        <translation>Show how many signed up and the newest sign-up (name masked) over the card</translation>
    </message>
    <message>
        <source>Card layout</source>
        <translation>Card layout</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Colours</translation>
    </message>
    <message>
        <source>Auto-rotate: each job on air for</source>
        <translation>Auto-rotate: each job on air for</translation>
    </message>
    <message>
        <source>Sign-up counter</source>
        <translation>Sign-up counter</translation>
    </message>
    <message>
        <source>{hub} is the hub address above, {code} the job&apos;s code, {session} tonight&apos;s session, {device} this PC&apos;s name on the hub: sign-ups can then be traced to the job, the stream and the PC.</source>
        <translation>{hub} is the hub address above, {code} the job&apos;s code, {session} tonight&apos;s session, {device} this PC&apos;s name on the hub: sign-ups can then be traced to the job, the stream and the PC.</translation>
    </message>
    <message>
        <source>The template may only use {hub}, {code}, {session} and {device}, each in braces</source>
        <translation>The template may only use {hub}, {code}, {session} and {device}, each in braces</translation>
    </message>
    <message>
        <source>Reading the saved token…</source>
        <translation>Reading the saved token…</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Hub address</translation>
    </message>
    <message>
        <source>Token for this PC</source>
        <translation>Token for this PC</translation>
    </message>
    <message>
        <source>The agency&apos;s back office gives it (hostdesk hub token create).</source>
        <translation>The agency&apos;s back office gives it (hostdesk hub token create).</translation>
    </message>
    <message>
        <source>Erase sign-ups&apos; personal data after</source>
        <translation>Erase sign-ups&apos; personal data after</translation>
    </message>
    <message>
        <source>Link template</source>
        <translation>Link template</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Example</translation>
    </message>
    <message>
        <source>The template must contain {code}: each job needs its own link</source>
        <translation>The template must contain {code}: each job needs its own link</translation>
    </message>
    <message>
        <source>Fill in the hub address above: until then only jobs with their own sign-up link get a QR code</source>
        <translation>Fill in the hub address above: until then only jobs with their own sign-up link get a QR code</translation>
    </message>
    <message>
        <source>The link must start with https:// or http:// (or with {hub}), so phones can open it</source>
        <translation>The link must start with https:// or http:// (or with {hub}), so phones can open it</translation>
    </message>
    <message>
        <source>The hub address must start with https:// or http://</source>
        <translation>The hub address must start with https:// or http://</translation>
    </message>
    <message>
        <source>Still reading the saved password: try again</source>
        <translation>Still reading the saved password: try again</translation>
    </message>
    <message>
        <source>The settings could not be saved ({detail}): check the disk and try again</source>
        <translation>The settings could not be saved ({detail}): check the disk and try again</translation>
    </message>
    <message>
        <source>The system keyring refused the OBS password, so it is kept in HostDesk&apos;s settings file, readable only by you</source>
        <translation>The system keyring refused the OBS password, so it is kept in HostDesk&apos;s settings file, readable only by you</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Does</translation>
    </message>
</context>
<context>
    <name>ShowReport</name>
    <message>
        <source>{m} min</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <source>Nothing on air</source>
        <translation>Nothing on air</translation>
    </message>
    <message>
        <source>Show report</source>
        <translation>Show report</translation>
    </message>
    <message>
        <source>Sign-ups</source>
        <translation>Sign-ups</translation>
    </message>
    <message>
        <source>{n} during the show</source>
        <translation>{n} during the show</translation>
    </message>
    <message>
        <source>Sign-ups per hour</source>
        <translation>Sign-ups per hour</translation>
    </message>
    <message>
        <source>Jobs on air</source>
        <translation>Jobs on air</translation>
    </message>
    <message>
        <source>on air</source>
        <translation>on air</translation>
    </message>
    <message>
        <source>Best job</source>
        <translation>Best job</translation>
    </message>
    <message>
        <source>{n} sign-ups</source>
        <translation>{n} sign-ups</translation>
    </message>
    <message>
        <source>Page opens → sign-ups</source>
        <translation>Page opens → sign-ups</translation>
    </message>
    <message>
        <source>Per hour vs last show</source>
        <translation>Per hour vs last show</translation>
    </message>
    <message>
        <source>last show {rate}/h</source>
        <translation>last show {rate}/h</translation>
    </message>
    <message>
        <source>Hired</source>
        <translation>Hired</translation>
    </message>
    <message>
        <source>{c} contacted · {i} interviewed</source>
        <translation>{c} contacted · {i} interviewed</translation>
    </message>
    <message>
        <source>Sign-ups per minute, by the job on air</source>
        <translation>Sign-ups per minute, by the job on air</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>On air</source>
        <translation>On air</translation>
    </message>
    <message>
        <source>Takes</source>
        <translation>Takes</translation>
    </message>
    <message>
        <source>While on air</source>
        <translation>While on air</translation>
    </message>
    <message>
        <source>10 min after</source>
        <translation>10 min after</translation>
    </message>
    <message>
        <source>Per 10 air-min</source>
        <translation>Per 10 air-min</translation>
    </message>
    <message>
        <source>Opens → sign-ups</source>
        <translation>Opens → sign-ups</translation>
    </message>
    <message>
        <source>Contacted / interviewed / hired</source>
        <translation>Contacted / interviewed / hired</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>No job was on air and nobody signed up.</source>
        <translation>No job was on air and nobody signed up.</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Earlier shows together ({n})</source>
        <translation>Earlier shows together ({n})</translation>
    </message>
    <message>
        <source>per show; rates pooled</source>
        <translation>per show; rates pooled</translation>
    </message>
    <message>
        <source>Compared with earlier shows of this host</source>
        <translation>Compared with earlier shows of this host</translation>
    </message>
    <message>
        <source>This show</source>
        <translation>This show</translation>
    </message>
    <message>
        <source>Compared with earlier shows in this room</source>
        <translation>Compared with earlier shows in this room</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <source>Per hour</source>
        <translation>Per hour</translation>
    </message>
    <message>
        <source>No earlier show in this room yet.</source>
        <translation>No earlier show in this room yet.</translation>
    </message>
    <message>
        <source>No earlier show of this host yet.</source>
        <translation>No earlier show of this host yet.</translation>
    </message>
    <message>
        <source>Sign-ups count for the job they name. 10 min after: within 10 minutes after the job left the screen, even if another job was on air by then. Per 10 air-min: (while on air + 10 min after) for every 10 minutes on air.</source>
        <translation>Sign-ups count for the job they name. 10 min after: within 10 minutes after the job left the screen, even if another job was on air by then. Per 10 air-min: (while on air + 10 min after) for every 10 minutes on air.</translation>
    </message>
    <message>
        <source>Host {host}</source>
        <translation>Host {host}</translation>
    </message>
</context>
<context>
    <name>ShowReportDialog</name>
    <message>
        <source>Show report</source>
        <translation>Show report</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation>Preparing the report…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>No show has gone live yet.</source>
        <translation>No show has gone live yet.</translation>
    </message>
    <message>
        <source>{count} sign-ups in {minutes} minutes</source>
        <translation>{count} sign-ups in {minutes} minutes</translation>
    </message>
    <message>
        <source>That show never went live: there is nothing to report.</source>
        <translation>That show never went live: there is nothing to report.</translation>
    </message>
    <message>
        <source>The report could not be prepared ({detail})</source>
        <translation>The report could not be prepared ({detail})</translation>
    </message>
    <message>
        <source>Export the show report</source>
        <translation>Export the show report</translation>
    </message>
    <message>
        <source>show-report-{date}.xlsx</source>
        <translation>show-report-{date}.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Report exported to {file}</source>
        <translation>Report exported to {file}</translation>
    </message>
    <message>
        <source>The report could not be exported ({detail})</source>
        <translation>The report could not be exported ({detail})</translation>
    </message>
</context>
<context>
    <name>SignupDeliveryLabel</name>
    <message>
        <source>Live push</source>
        <translation>Live push</translation>
    </message>
    <message>
        <source>Sign-ups from the hub arrive the moment they are made</source>
        <translation>Sign-ups from the hub arrive the moment they are made</translation>
    </message>
    <message>
        <source>Polling every {s} s</source>
        <translation>Polling every {s} s</translation>
    </message>
    <message>
        <source>No live link to the hub: new sign-ups are fetched every {s} s</source>
        <translation>No live link to the hub: new sign-ups are fetched every {s} s</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>HostDesk is already running with this data folder; its window has been brought to the front.</source>
        <translation>HostDesk is already running with this data folder; its window has been brought to the front.</translation>
    </message>
    <message>
        <source>HostDesk is already running with this data folder ({path}), but it does not respond. Wait a moment and try again, or close the other HostDesk first.</source>
        <translation>HostDesk is already running with this data folder ({path}), but it does not respond. Wait a moment and try again, or close the other HostDesk first.</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Sync off</source>
        <translation>Sync off</translation>
    </message>
    <message>
        <source>The hub did not accept the device token: enter a new token in Settings</source>
        <translation>The hub did not accept the device token: enter a new token in Settings</translation>
    </message>
    <message>
        <source>This token may not send sign-ups: ask the agency for a device token</source>
        <translation>This token may not send sign-ups: ask the agency for a device token</translation>
    </message>
    <message>
        <source>No HostDesk hub answers at this address: check the hub address in Settings</source>
        <translation>No HostDesk hub answers at this address: check the hub address in Settings</translation>
    </message>
    <message>
        <source>Sync is not set up: enter the hub address and the device token in Settings</source>
        <translation>Sync is not set up: enter the hub address and the device token in Settings</translation>
    </message>
    <message>
        <source>The hub cannot be reached; sign-ups are kept here and sent when it can</source>
        <translation>The hub cannot be reached; sign-ups are kept here and sent when it can</translation>
    </message>
    <message>
        <source>The hub is busy or has a problem; trying again later</source>
        <translation>The hub is busy or has a problem; trying again later</translation>
    </message>
    <message>
        <source>The network answered with a web page instead of the hub (a Wi-Fi login?): log in to the network</source>
        <translation>The network answered with a web page instead of the hub (a Wi-Fi login?): log in to the network</translation>
    </message>
    <message>
        <source>The hub already has a different copy of this change: check the sign-up, then retry</source>
        <translation>The hub already has a different copy of this change: check the sign-up, then retry</translation>
    </message>
    <message>
        <source>The hub already has this sign-up under another record: contact the agency</source>
        <translation>The hub already has this sign-up under another record: contact the agency</translation>
    </message>
    <message>
        <source>The hub&apos;s copy changed in the meantime: retry to send this change again</source>
        <translation>The hub&apos;s copy changed in the meantime: retry to send this change again</translation>
    </message>
    <message>
        <source>The hub does not have this sign-up yet: retry</source>
        <translation>The hub does not have this sign-up yet: retry</translation>
    </message>
    <message>
        <source>This sign-up was made on another PC or on the sign-up page: only the agency can change it, ask them</source>
        <translation>This sign-up was made on another PC or on the sign-up page: only the agency can change it, ask them</translation>
    </message>
    <message>
        <source>The agency erased this person&apos;s data on the hub: the change cannot be sent and is not needed</source>
        <translation>The agency erased this person&apos;s data on the hub: the change cannot be sent and is not needed</translation>
    </message>
    <message>
        <source>The hub refused the sign-up because of {field}: correct it, then retry</source>
        <translation>The hub refused the sign-up because of {field}: correct it, then retry</translation>
    </message>
    <message>
        <source>The hub refused this sign-up ({reason}): correct it, then retry</source>
        <translation>The hub refused this sign-up ({reason}): correct it, then retry</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Sync online</source>
        <translation>Sync online</translation>
    </message>
    <message>
        <source>Sync paused: {reason}</source>
        <translation>Sync paused: {reason}</translation>
    </message>
    <message>
        <source>Sync off</source>
        <translation>Sync off</translation>
    </message>
    <message>
        <source>Sync offline: {reason}</source>
        <translation>Sync offline: {reason}</translation>
    </message>
    <message>
        <source>Sync offline</source>
        <translation>Sync offline</translation>
    </message>
    <message>
        <source>Unsynced {n}</source>
        <translation>Unsynced {n}</translation>
    </message>
    <message>
        <source>Needs attention {n}</source>
        <translation>Needs attention {n}</translation>
    </message>
    <message>
        <source>Last sync {time}</source>
        <translation>Last sync {time}</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <source>Job conflicts {n}</source>
        <translation>Job conflicts {n}</translation>
    </message>
    <message>
        <source>next try in {s} s</source>
        <translation>next try in {s} s</translation>
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
<context>
    <name>WithdrawnBanner</name>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>The hub&apos;s catalogue no longer has these jobs, but they are in tonight&apos;s rundown or on air: {jobs}. They stay takeable until you decide; their QR codes may lead viewers to “job not found”.</source>
        <translation>The hub&apos;s catalogue no longer has these jobs, but they are in tonight&apos;s rundown or on air: {jobs}. They stay takeable until you decide; their QR codes may lead viewers to “job not found”.</translation>
    </message>
    <message>
        <source>Keep offering it</source>
        <translation>Keep offering it</translation>
    </message>
    <message>
        <source>Close the job</source>
        <translation>Close the job</translation>
    </message>
</context>
</TS>
