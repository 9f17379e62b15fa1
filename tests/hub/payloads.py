"""Batch items as the desktop sends them: the outbox payload, its fingerprint, fresh ids."""

from __future__ import annotations

import hashlib
import json
import uuid

BASE = {
    "job_code": "J001", "job_title": "电子厂普工", "session_id": "S1", "name": "张三",
    "phone": "13800138000", "phone_hash": "0" * 64, "age": 22, "birth_year": None, "gender": "",
    "current_city": "东莞", "expected_city": "", "note": "", "source": "phone",
    "consent_method": "verbal", "notice_version": "2026-11",
    "consented_at": "2026-11-26T10:00:00+00:00", "status": "active",
    "phone_warning_overridden": False, "created_at": "2026-11-26T10:00:00+00:00",
    "updated_at": "2026-11-26T10:00:00+00:00", "erased_at": None, "seq": 1,
}  # fmt: skip


def canonical(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def fingerprint(payload: dict) -> str:
    return hashlib.sha256(canonical(payload).encode("utf-8")).hexdigest()


def item(
    client_id: str | None = None,
    event_type: str = "create",
    base_version: int = 0,
    event_id: str | None = None,
    **fields,
) -> dict:
    client_id = client_id or str(uuid.uuid4())
    payload = {**BASE, **fields, "id": client_id, "event_type": event_type}
    if event_type == "withdraw":
        payload["status"] = "withdrawn"
    return {
        "client_id": client_id,
        "event_id": event_id or str(uuid.uuid4()),
        "event_type": event_type,
        "base_version": base_version,
        "fingerprint": fingerprint(payload),
        "payload": payload,
    }


def phone(n: int) -> str:
    return f"139{n:08d}"
