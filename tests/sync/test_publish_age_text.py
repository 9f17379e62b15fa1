"""An age kept as written goes from the desktop to a real hub (SQLite and PostgreSQL) and back:
import → publish → /j/{code} shows the words; another PC's pull stores them (issue 15 item 1)."""

from __future__ import annotations

import json

import pytest
import requests

from hostdesk import app
from tests.conftest import run_cli
from tests.hub.signup import PAGE_ARGS

TIMEOUT = (5, 30)
UNREAD = "年龄可根据个人形象而定"  # a real posting's words (tests/data/postings, ssjzw-97995)
SHEET = (
    "编号,岗位,企业,地点,薪资,年龄,状态\n"
    f"AG-001,夜场服务员,某某餐饮,北京,800元/天,{UNREAD},招聘中\n"
    "AG-002,冰箱总装普工,美的冰箱厂,佛山,6000-8000元/月,18-45周岁,招聘中\n"
)


@pytest.fixture
def page_hub(hub_factory):
    return hub_factory(args=PAGE_ARGS)


def _publish(data_dir, hub, token: str):
    env = {"HOSTDESK_HUB_URL": hub.url, "HOSTDESK_HUB_TOKEN": token}
    return run_cli("--lang", "en", "jobs", "publish", data_dir=data_dir, env_extra=env)


def test_the_age_as_written_reaches_the_page_and_another_pc(page_hub, tmp_path):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    imported = run_cli("--lang", "en", "jobs", "import", str(sheet), data_dir=tmp_path / "pc1")
    assert imported.returncode == 0, imported.stderr
    assert f"row 2, column “年龄”: age “{UNREAD}” is imported as written" in imported.stderr
    published = _publish(tmp_path / "pc1", page_hub, page_hub.token)
    assert published.returncode == 0, published.stderr
    r = requests.get(f"{page_hub.url}/j/AG-001", timeout=TIMEOUT)
    assert r.status_code == 200 and f"<dt>年龄要求</dt><dd>{UNREAD}</dd>" in r.text
    assert "<dd>18-45岁</dd>" in requests.get(f"{page_hub.url}/j/AG-002", timeout=TIMEOUT).text
    hub_jobs = requests.get(page_hub.url + "/api/v1/jobs", headers=page_hub.headers(),
                            timeout=TIMEOUT).json()["jobs"]  # fmt: skip
    listed = run_cli("jobs", "list", "--json", data_dir=tmp_path / "pc1")
    assert hub_jobs == json.loads(listed.stdout)["jobs"]
    assert [j["age_text"] for j in hub_jobs] == [UNREAD, "18-45周岁"]
    # Another PC pulls the catalogue: the words are stored there too, the band left empty.
    assert _publish(tmp_path / "pc2", page_hub, page_hub.admin_token).returncode == 0
    pc2 = app.build(tmp_path / "pc2")
    try:
        job = pc2.jobs.get("AG-001")
        assert (job.age_min, job.age_max, job.age_text) == (None, None, UNREAD)
        assert pc2.jobs.get("AG-002").age_text == "18-45周岁"
    finally:
        pc2.close()
