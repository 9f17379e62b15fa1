"""A scene-collection switch in OBS: the link pauses, then puts our overlay into the new one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hostdesk.obs import ObsClient
from hostdesk.obs.link import LinkState, ObsLink
from hostdesk.obs.overlay import OverlayNames
from tests.obs.conftest import _serve
from tests.obs.obs_process import ObsProcess
from tests.obs.test_overlay import _frame, _wait_colour
from tests.waits import wait_until


@pytest.fixture(scope="module")
def own_obs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ObsProcess]:
    # Its own OBS: switching collections changes everything the other modules look at.
    yield from _serve(tmp_path_factory, "obs-home-collections", (1920, 1080))


def test_overlay_follows_a_scene_collection_switch(qapp, own_obs, tmp_path):
    names = OverlayNames()
    link = ObsLink(ObsClient(own_obs.host, own_obs.port, own_obs.password), names)
    link.start()
    try:
        link.show(_frame(tmp_path)).result(timeout=15)
        with ObsClient(own_obs.host, own_obs.port, own_obs.password, request_timeout=15) as viewer:
            assert _wait_colour(viewer, 300, 900, "#ff0000").red() > 200
            viewer.call("CreateSceneCollection", {"sceneCollectionName": "晚场 evening"})
            seen: list = []

            def rebuilt() -> bool:  # the new collection starts empty; the link rebuilds ours
                current = viewer.call("GetSceneCollectionList")["currentSceneCollectionName"]
                scenes = {s["sceneName"] for s in viewer.call("GetSceneList")["scenes"]}
                seen[:] = [current, scenes]
                return current == "晚场 evening" and names.scene in scenes

            assert wait_until(rebuilt, step=0.2), f"overlay not rebuilt: {seen}"
            assert _wait_colour(viewer, 300, 900, "#ff0000").red() > 200
        assert link.status.state == LinkState.CONNECTED
    finally:
        link.stop()
