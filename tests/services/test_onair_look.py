"""The one Look builder: settings + OBS's canvas + the show + this PC; the theme lists agree."""

from __future__ import annotations

import pytest

from hostdesk import app
from hostdesk.config import Settings
from hostdesk.core.look import THEME_NAMES, Box, Look
from hostdesk.core.look_geometry import Layout, Position, counter_geometry, overlay_geometry
from hostdesk.services.onair_look import build_look


def settings(**overlay) -> Settings:
    value = Settings()
    value.signup.hub_url = "https://hub.example.cn/"
    for name, setting in overlay.items():
        setattr(value.overlay, name, setting)
    return value


def test_the_look_carries_the_settings_the_show_and_this_pc():
    look = build_look(settings(theme="light", position="mirrored", show_counter=False),
                      (1280, 720), "S1", "studio-2")  # fmt: skip
    assert look == Look(Layout.LANDSCAPE, "light", (1280, 720), Settings().signup.url_template,
                        "https://hub.example.cn", "S1", Position.MIRRORED, "studio-2", False)  # fmt: skip


def test_the_canvas_decides_between_vertical_and_landscape_layouts():
    assert build_look(settings(layout="side"), (1080, 1920)).layout is Layout.VERTICAL
    assert build_look(settings(layout="vertical"), (1920, 1080)).layout is Layout.LANDSCAPE
    assert build_look(settings(layout="side"), (1920, 1080)).layout is Layout.SIDE


def test_a_bad_theme_layout_or_position_names_the_valid_ones():
    with pytest.raises(ValueError, match="dark, light"):
        build_look(settings(theme="neon"))
    with pytest.raises(ValueError, match="landscape, side, vertical"):
        build_look(settings(layout="diagonal"))
    with pytest.raises(ValueError, match="standard, mirrored"):
        build_look(settings(position="upside-down"))


def test_boxes_follow_the_geometry():
    look = build_look(settings(position="mirrored"), (1920, 1080))
    card, qr = overlay_geometry(Layout.LANDSCAPE, (1920, 1080), Position.MIRRORED)
    assert look.boxes() == (Box(*card[:2]), Box(*qr[:2]))
    assert look.counter_rect() == counter_geometry(Layout.LANDSCAPE, (1920, 1080), "mirrored")
    assert look.counter_box() == Box(*look.counter_rect()[:2])


def test_the_themes_core_names_are_the_ones_render_draws(qapp):
    from hostdesk.render.themes import DEFAULT_THEME, THEMES

    assert tuple(THEMES) == THEME_NAMES and DEFAULT_THEME in THEME_NAMES


def test_the_app_builds_the_on_air_look_with_it(qapp, ctx):
    onair = app.build_onair(ctx, (1080, 1920), session="S3")
    assert onair.look == build_look(ctx.settings, (1080, 1920), "S3")
