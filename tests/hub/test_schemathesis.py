"""Schemathesis against the running hub's /openapi.json: no 500s, every response as declared.

Run through schemathesis' own command line (its lazy pytest loader does not work with
the pytest in use), with the admin token so that every route is reachable.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import requests

from tests.hub.conftest import Hub

MAX_EXAMPLES = 25
CHECKS = (
    "not_a_server_error,status_code_conformance,content_type_conformance,"
    "response_headers_conformance,response_schema_conformance"
)


def test_the_hub_keeps_its_openapi_promises(hub: Hub, tmp_path: Path):
    cmd = [
        str(Path(sys.executable).with_name("schemathesis")), "run", f"{hub.url}/openapi.json",
        "--checks", CHECKS,
        "--header", f"Authorization: Bearer {hub.admin_token}",
        "--max-examples", str(MAX_EXAMPLES),
        "--phases", "examples,coverage,fuzzing",
        "--mode", "all",
        "--seed", "20261126",
        "--workers", "1",
        "--request-timeout", "30",
        "--generation-with-security-parameters", "false",
        "--generation-database", "none",
        "--no-color",
        "--report", "junit", "--report-dir", str(tmp_path),
    ]  # fmt: skip
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    # Every operation was exercised (the run did not stop at loading the schema).
    spec = requests.get(f"{hub.url}/openapi.json", timeout=10).json()
    operations = sum(len(methods) for methods in spec["paths"].values())
    assert operations == 11  # erasures (issue 13) and the jobs publish (issue 15) included
    assert f"Tested: {operations}" in result.stdout, result.stdout[-3000:]
