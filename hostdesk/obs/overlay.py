"""Our sources in OBS: a dedicated overlay scene, nested in the program scene, made to match.

OBS is a cache of the app's desired state (ARCHITECTURE rule 4): `ensure` creates what
is missing and is safe to run any number of times (after every connect, after a scene
collection change, after the user deletes or renames one of ours); `apply` shows the
desired images. Names carry a distinctive prefix because inputs and scenes share one
namespace in OBS; a same-named source of another kind is never taken over.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from hostdesk.core.look import Box, OverlayFrame  # noqa: F401 (plain data, re-exported)
from hostdesk.obs.client import ObsClient
from hostdesk.obs.errors import ObsError

IMAGE_KIND = "image_source"
NOT_FOUND, ALREADY_EXISTS = 600, 601


@dataclass(frozen=True)
class OverlayNames:
    scene: str = "HostDesk 叠加层"
    card: str = "HostDesk 岗位卡"
    qr: str = "HostDesk 二维码"
    counter: str = "HostDesk 报名数"  # the live sign-up counter and ticker

    def images(self) -> tuple[str, ...]:
        return self.card, self.qr, self.counter


class OverlayConflict(Exception):
    """A source of ours by name exists with another kind: we report it, never take it over."""

    def __init__(self, name: str, found: str, wanted: str):
        super().__init__(f"OBS already has {name!r} as {found}, not {wanted}: rename it in OBS")
        self.name, self.found, self.wanted = name, found, wanted


@dataclass(frozen=True)
class EnsureResult:
    program_scene: str
    items: dict[str, int]  # our image inputs' scene-item ids inside our scene
    overlay_item: int | None  # our scene's item id in the program scene (None if it is ours)
    created: tuple[str, ...]  # what had to be made: empty when OBS already matched


def _call_retrying(client: ObsClient, name: str, data: dict, attempts: int = 10) -> dict:
    # Removals are asynchronous in OBS: re-creating right after a removal can hit 601
    # for a moment (notes/obs.md), so retry briefly before calling it a conflict.
    for attempt in range(attempts):
        try:
            return client.call(name, data)
        except ObsError as exc:
            if exc.code != ALREADY_EXISTS or attempt == attempts - 1:
                raise
            time.sleep(0.05)
    raise AssertionError("unreachable")


def _item_id(client: ObsClient, scene: str, source: str) -> int | None:
    try:
        return client.call("GetSceneItemId", {"sceneName": scene, "sourceName": source})[
            "sceneItemId"
        ]
    except ObsError as exc:
        if exc.code == NOT_FOUND:
            return None
        raise


def ensure(client: ObsClient, names: OverlayNames, frame: OverlayFrame) -> EnsureResult:
    """Make OBS hold our scene, our image inputs in it, and our scene in the program scene."""
    created: list[str] = []
    scenes = {s["sceneName"] for s in client.call("GetSceneList")["scenes"]}
    kinds = {i["inputName"]: i["inputKind"] for i in client.call("GetInputList")["inputs"]}

    if names.scene in kinds:
        raise OverlayConflict(names.scene, kinds[names.scene], "scene")
    if names.scene not in scenes:
        _call_retrying(client, "CreateScene", {"sceneName": names.scene})
        created.append(names.scene)

    items: dict[str, int] = {}
    for name, file, enabled in (
        (names.card, frame.card_file, True),
        (names.qr, frame.qr_file, True),
        (names.counter, frame.counter_file, frame.counter_visible),
    ):
        if name in scenes:
            raise OverlayConflict(name, "scene", IMAGE_KIND)
        kind = kinds.get(name)
        if kind is None:
            answer = _call_retrying(
                client,
                "CreateInput",
                {
                    "sceneName": names.scene,
                    "inputName": name,
                    "inputKind": IMAGE_KIND,
                    "inputSettings": {"file": str(file) if file else ""},
                    "sceneItemEnabled": enabled,
                },
            )
            items[name] = answer["sceneItemId"]
            created.append(name)
            continue
        if kind != IMAGE_KIND:
            raise OverlayConflict(name, kind, IMAGE_KIND)
        item = _item_id(client, names.scene, name)
        if item is None:  # the input exists but the user removed it from our scene
            item = client.call("CreateSceneItem", {"sceneName": names.scene, "sourceName": name})[
                "sceneItemId"
            ]
            created.append(f"{names.scene}/{name}")
        items[name] = item

    program = client.call("GetCurrentProgramScene")["currentProgramSceneName"]
    overlay_item = None
    if program != names.scene:
        overlay_item = _item_id(client, program, names.scene)
        if overlay_item is None:
            overlay_item = client.call(
                "CreateSceneItem", {"sceneName": program, "sourceName": names.scene}
            )["sceneItemId"]
            created.append(f"{program}/{names.scene}")
        # On top of the host's own sources, and not tinted by any transform of theirs.
        top = len(client.call("GetSceneItemList", {"sceneName": program})["sceneItems"]) - 1
        client.call(
            "SetSceneItemIndex",
            {"sceneName": program, "sceneItemId": overlay_item, "sceneItemIndex": top},
        )
    return EnsureResult(program, items, overlay_item, tuple(created))


def apply(
    client: ObsClient,
    names: OverlayNames,
    frame: OverlayFrame,
    ensured: EnsureResult,
    previous: OverlayFrame | None = None,
) -> None:
    """Show `frame`: new files (re-sent even when unchanged, so OBS reloads them), places, on/off.

    One RequestBatch, so the card, the QR, the counter and the visibility change together.
    With the `previous` frame applied since the last ensure, places and visibility are sent
    only when they changed: a take between jobs is then three requests instead of eight,
    and a new count one (the card and QR files are not reloaded for it).
    """
    batch: list[tuple[str, dict]] = []
    counter_only = frame.counter_only_change(previous)
    for name, file, at, was_at in (
        (names.card, frame.card_file, frame.card_at, previous and previous.card_at),
        (names.qr, frame.qr_file, frame.qr_at, previous and previous.qr_at),
        (names.counter, frame.counter_file, frame.counter_at, previous and previous.counter_at),
    ):
        if file is not None and not (counter_only and name != names.counter):
            batch.append(
                ("SetInputSettings", {"inputName": name, "inputSettings": {"file": str(file)}})
            )
        if at is None or at == was_at:
            continue
        batch.append(
            (
                "SetSceneItemTransform",
                {
                    "sceneName": names.scene,
                    "sceneItemId": ensured.items[name],
                    "sceneItemTransform": {"positionX": at.x, "positionY": at.y},
                },
            )
        )
    # Only when it changes: SetSceneItemEnabled waits for OBS's UI thread (~30 ms, against
    # ~1 ms for the rest). A user hiding our scene by hand is caught by the link's events.
    if ensured.overlay_item is not None and (previous is None or previous.visible != frame.visible):
        batch.append(
            (
                "SetSceneItemEnabled",
                {
                    "sceneName": ensured.program_scene,
                    "sceneItemId": ensured.overlay_item,
                    "sceneItemEnabled": frame.visible,
                },
            )
        )
    # Our own scene item, so it costs the same wait: only when the counter is switched.
    if previous is None or previous.counter_visible != frame.counter_visible:
        batch.append(
            (
                "SetSceneItemEnabled",
                {
                    "sceneName": names.scene,
                    "sceneItemId": ensured.items[names.counter],
                    "sceneItemEnabled": frame.counter_visible,
                },
            )
        )
    if not batch:
        return
    for result in client.call_batch(batch):
        if isinstance(result, ObsError):
            raise result
