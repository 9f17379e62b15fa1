"""A platform's lead export (抖音/快手 back office, xlsx or CSV) read into sign-ups: its columns
guessed and mapped, each row checked, repeats found by phone, then stored. No HTTP here.

Every imported row is a sign-up of its own (origin "hub", no broadcast PC, `source` the
platform): a phone the hub already has is flagged as a repeat by the lead desk, never merged.
The viewer ticked nothing on our page, so `employer_consent` is false: an employer never sees
an imported lead (hostdesk.hub.access.employer_rows). Re-importing the same export adds
nothing: each row's id is derived from the platform, phone, time and job.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select

from hostdesk.core.jobs import normalize_text
from hostdesk.core.phone import PhoneError, mask_name, mask_phone, normalize_phone
from hostdesk.core.registrations import CITY_MAX, NAME_MAX, NOTE_MAX
from hostdesk.core.text import strip_invisible
from hostdesk.hub import ingest, staff
from hostdesk.hub.db import HubDB
from hostdesk.hub.leads import CHINA
from hostdesk.hub.models import JOBS, REGS
from hostdesk.sheets.reader import HeaderRule, header_key

PLATFORMS = ("douyin", "kuaishou", "import")  # the `source` stored; "import": another platform
# The columns of a lead export, by the names platforms and agencies give them. No public
# document of 抖音来客/巨量引擎 or 快手 exports could be found, so these are the usual names
# (see tests/hub/data/lead_exports/README.md); the mapping step fixes any other.
LEAD_ALIASES: dict[str, tuple[str, ...]] = {
    "phone": ("手机号", "手机", "电话", "手机号码", "电话号码", "联系电话", "联系方式",
              "客户电话", "用户电话", "phone", "mobile"),
    "name": ("姓名", "客户姓名", "用户姓名", "名字", "联系人", "称呼", "name"),
    "time": ("留资时间", "线索创建时间", "创建时间", "提交时间", "线索提交时间", "线索入库时间",
             "线索生成时间", "获取时间", "时间", "time"),
    "job": ("意向岗位", "意向职位", "应聘岗位", "报名岗位", "岗位", "职位", "job"),
    "city": ("城市", "所在城市", "所在地", "地区", "省市", "city"),
    "note": ("备注", "留言", "客户留言", "note"),
    "origin": ("线索来源", "来源", "流量来源", "线索渠道", "渠道", "source"),
}  # fmt: skip
FIELDS = tuple(LEAD_ALIASES)
_INDEX = {header_key(alias): name for name, aliases in LEAD_ALIASES.items() for alias in aliases}
_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M",
                 "%Y-%m-%d", "%Y/%m/%d")  # fmt: skip
SAMPLE = 50  # rows shown on the check page


def lead_field(text: str) -> str | None:
    return _INDEX.get(header_key(text))


LEAD_HEADER = HeaderRule(lead_field, "phone", "no_phone_column")


@dataclass
class Checked:
    """What importing the rows with this mapping would do."""

    rows: int = 0
    ready: list[dict] = field(default_factory=list)  # the fields to store, with client_id
    bad: list[tuple[int, str]] = field(default_factory=list)  # (sheet row, reason)
    again: int = 0  # rows imported before (same platform, phone, time, job)
    repeat: int = 0  # ready rows whose phone the hub (or an earlier row) already has
    sample: list[dict] = field(default_factory=list)  # masked, for the page
    unmatched: int = 0  # ready rows whose job came from the fallback


def guess(headers: list[str]) -> dict[str, int]:
    """Field → column index, the first column naming each field."""
    found: dict[str, int] = {}
    for index, text in enumerate(headers):
        name = lead_field(text)
        if name is not None and name not in found:
            found[name] = index
    return found


def _time(text: str, now: str) -> str:
    text = normalize_text(text).strip()
    for fmt in _TIME_FORMATS:
        try:
            moment = datetime.strptime(text, fmt).replace(tzinfo=CHINA)
        except ValueError:
            continue
        if 2000 <= moment.year <= 2999:
            return moment.astimezone(UTC).isoformat(timespec="seconds")
    return now


def _clean(text: str, limit: int) -> str:
    return " ".join(strip_invisible(text).split())[:limit]


def _jobs(conn) -> tuple[dict[str, str], dict[str, str]]:
    """(code → title, normalised title → code) of the catalogue."""
    titles = {r.code: json.loads(r.data).get("title", "") for r in conn.execute(select(JOBS.c.code, JOBS.c.data))}  # fmt: skip
    by_title = {}
    for code, title in titles.items():
        by_title.setdefault(normalize_text(title).casefold(), code)
    return titles, by_title


def check(db: HubDB, platform: str, rows: list[list], mapping: dict[str, int],
          fallback_job: str) -> Checked:  # fmt: skip
    """The rows ([sheet row, cells]) under `mapping`, against the hub's sign-ups and jobs."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    out = Checked(rows=len(rows))

    def cell(cells: list[str], name: str) -> str:
        index = mapping.get(name)
        return str(cells[index]) if index is not None and index < len(cells) else ""

    with db.read() as conn:
        titles, by_title = _jobs(conn)
        candidates = []
        for number, cells in rows:
            try:
                phone = normalize_phone(cell(cells, "phone"))
            except PhoneError:
                out.bad.append((number, "phone"))
                continue
            name = _clean(cell(cells, "name"), NAME_MAX)
            if not name:
                out.bad.append((number, "name"))
                continue
            wanted = normalize_text(cell(cells, "job"))
            code = wanted if wanted in titles else by_title.get(wanted.casefold())
            if code is None:
                code = fallback_job if fallback_job in titles else None
                if code is None:
                    out.bad.append((number, "job"))
                    continue
                out.unmatched += 1
            at = _time(cell(cells, "time"), now)
            origin = _clean(cell(cells, "origin"), 100)
            note = "\n".join(p for p in (_clean(cell(cells, "note"), NOTE_MAX),
                                         f"线索来源：{origin}" if origin else "") if p)[:NOTE_MAX]  # fmt: skip
            key = f"{platform}|{phone}|{at}|{code}".encode()
            candidates.append({
                "row": number, "client_id": "import-" + hashlib.sha256(key).hexdigest()[:32],
                "job_code": code, "job_title": titles[code][:200], "name": name, "phone": phone,
                "current_city": _clean(cell(cells, "city"), CITY_MAX), "note": note,
                "created_at": at, "wanted": wanted,
            })  # fmt: skip
        ids = [c["client_id"] for c in candidates]
        known = set(conn.execute(select(REGS.c.client_id).where(REGS.c.client_id.in_(ids))).scalars()) if ids else set()  # fmt: skip
        phones = sorted({c["phone"] for c in candidates})
        had = set(conn.execute(select(REGS.c.phone).where(REGS.c.phone.in_(phones))).scalars()) if phones else set()  # fmt: skip
    seen: set[str] = set()
    for c in candidates:
        if c["client_id"] in known or c["client_id"] in {r["client_id"] for r in out.ready}:
            out.again += 1
            continue
        c["repeat"] = c["phone"] in had or c["phone"] in seen
        seen.add(c["phone"])
        out.repeat += c["repeat"]
        out.ready.append(c)
        if len(out.sample) < SAMPLE:
            out.sample.append({"row": c["row"], "name": mask_name(c["name"]),
                               "phone": mask_phone(c["phone"]), "job": titles[c["job_code"]],
                               "wanted": c["wanted"], "repeat": c["repeat"]})  # fmt: skip
    return out


def store(db: HubDB, actor: str, platform: str, checked: Checked) -> int:
    """Insert the ready rows as sign-ups (skipping any imported meanwhile); audited with
    counts only. Returns how many were stored."""
    stored = 0
    with db.write() as conn:
        ids = [c["client_id"] for c in checked.ready]
        known = set(conn.execute(select(REGS.c.client_id).where(REGS.c.client_id.in_(ids))).scalars()) if ids else set()  # fmt: skip
        for c in checked.ready:
            if c["client_id"] in known:
                continue
            fields = {
                "job_code": c["job_code"], "job_title": c["job_title"], "session_id": "",
                "name": c["name"], "phone": c["phone"], "age": None, "birth_year": None,
                "gender": "", "current_city": c["current_city"], "expected_city": "",
                "note": c["note"], "source": platform, "consent_method": "",
                "notice_version": "", "consented_at": "", "created_at": c["created_at"],
                "updated_at": datetime.now(UTC).isoformat(timespec="seconds"),
            }  # fmt: skip
            ingest.insert_hub_registration(conn, fields, c["client_id"], device=None,
                                           employer_consent=False)  # fmt: skip
            stored += 1
        staff.audit(conn, actor, "lead_import", platform,
                    f"imported={stored} repeat={checked.repeat} bad={len(checked.bad)} again={checked.again}")  # fmt: skip
    return stored


def catalogue_jobs(db: HubDB) -> list[tuple[str, str]]:
    """(code, title) of the catalogue's jobs, in its order: the fallback's choices."""
    with db.read() as conn:
        rows = conn.execute(select(JOBS.c.code, JOBS.c.data).order_by(JOBS.c.position)).all()
    return [(r.code, json.loads(r.data).get("title", "")) for r in rows]
