"""The one place a Look is built: from the settings, OBS's canvas, the show and this PC."""

from __future__ import annotations

from hostdesk.config import Settings, hub_address
from hostdesk.core.look import DEFAULT_THEME, Look, fitted_layout, theme_name
from hostdesk.core.look_geometry import layout_named, position_named

DEFAULT_CANVAS = (1920, 1080)  # until OBS says its own


def build_look(
    settings: Settings,
    canvas: tuple[int, int] = DEFAULT_CANVAS,
    session: str = "",
    device: str = "",
    hub_url: str | None = None,
) -> Look:
    """The look the settings describe on `canvas`, for the show `session` on this PC
    (`device`: its name on the hub). The hub as sync names it (config.hub_address:
    --hub-url, then HOSTDESK_HUB_URL, then the settings)."""
    overlay = settings.overlay
    return Look(
        layout=fitted_layout(layout_named(overlay.layout), tuple(canvas)),
        theme=theme_name(overlay.theme or DEFAULT_THEME),
        canvas=tuple(canvas),
        url_template=settings.signup.url_template,
        hub=hub_address(settings, hub_url),
        session=session,
        position=position_named(overlay.position),
        device=device,
        counter=overlay.show_counter,
    )
