"""`hostdesk jobs list --json` is the hub's catalogue shape (issue 15 item 5): its output, sent
as is to a real hub's admin PUT /api/v1/jobs (SQLite and PostgreSQL), comes back from GET."""

from __future__ import annotations

import json
from pathlib import Path

import requests

from tests.conftest import run_cli

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "jobs.csv"
TIMEOUT = (5, 30)


def test_list_json_goes_to_the_hubs_put_as_is_and_reads_back_the_same(hub, tmp_path):
    data_dir = tmp_path / "pc"
    imported = run_cli("jobs", "import", str(DEMO), data_dir=data_dir)
    assert imported.returncode == 0, imported.stderr
    listed = run_cli("jobs", "list", "--json", data_dir=data_dir)
    assert listed.returncode == 0, listed.stderr

    headers = {**hub.admin_headers, "Content-Type": "application/json"}
    put = requests.put(
        hub.url + "/api/v1/jobs",
        data=listed.stdout.encode("utf-8"),  # the bytes the command printed, untouched
        headers=headers,
        timeout=TIMEOUT,
    )
    assert put.status_code == 200, put.text
    count = put.json()["count"]
    assert count >= 15

    got = requests.get(hub.url + "/api/v1/jobs", headers=hub.headers(), timeout=TIMEOUT)
    assert got.status_code == 200, got.text
    catalogue = got.json()
    listed_catalogue = json.loads(listed.stdout)
    assert set(listed_catalogue) <= set(catalogue)  # GET's keys: the same, plus versions
    assert catalogue["jobs"] == listed_catalogue["jobs"]
    assert len(catalogue["jobs"]) == count
    assert set(catalogue["versions"]) == {job["code"] for job in catalogue["jobs"]}


def test_an_empty_catalogue_is_an_empty_put_body(hub, tmp_path):
    listed = run_cli("jobs", "list", "--json", data_dir=tmp_path / "pc")
    assert listed.returncode == 0, listed.stderr
    headers = {**hub.admin_headers, "Content-Type": "application/json"}
    put = requests.put(
        hub.url + "/api/v1/jobs", data=listed.stdout.encode(), headers=headers, timeout=TIMEOUT
    )
    assert put.status_code == 200, put.text
    assert put.json() == {"count": 0}
