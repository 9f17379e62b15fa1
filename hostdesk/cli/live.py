"""Command-line verbs for the on-air overlay: `obs check`, `live CODE`, `clear`, `render CODE`.

Each verb talks to OBS once and synchronously (connect, ensure, apply, close) with short
timeouts, so an absent or wrong OBS gives one line and a non-zero exit within seconds.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from hostdesk.cli.common import CliError, translate
from hostdesk.obs import ObsClient, ObsConnectionError, ObsError, ObsWrongPassword
from hostdesk.obs.overlay import OverlayConflict, OverlayNames, apply, ensure

log = logging.getLogger(__name__)

VERBS = ("obs", "live", "clear", "render")
EXIT_OBS = 1  # OBS unreachable, wrong password or refused: the local side still happened
CONNECT_TIMEOUT = 3.0  # "OBS is not there" must be said within seconds
# An OBS that is there can be slow: right after it starts, its first scene change waits
# ~5 s for its UI thread (measured on OBS 29 under Xvfb).
REQUEST_TIMEOUT = 15.0


def add_parsers(sub) -> None:
    obs = sub.add_parser("obs", help=translate("Cli", "the connection to OBS Studio"))
    obs.add_subparsers(dest="verb", required=True).add_parser(
        "check", help=translate("Cli", "connect, show versions and canvas, set up the overlay")
    )
    live = sub.add_parser("live", help=translate("Cli", "put a job's card and QR code on air"))
    live.add_argument("code")
    live.set_defaults(verb=None)
    sub.add_parser("clear", help=translate("Cli", "take the overlay off air")).set_defaults(
        verb=None
    )
    render = sub.add_parser("render", help=translate("Cli", "draw a job's card to a PNG file"))
    render.add_argument("code")
    render.add_argument("--out", type=Path, required=True)
    render.add_argument("--layout", choices=("landscape", "side", "vertical"))
    render.add_argument("--theme")
    render.set_defaults(verb=None)


def _client(ctx, args) -> ObsClient:
    from hostdesk.app import obs_client

    return obs_client(
        ctx.settings, args.obs_url, args.obs_password,
        connect_timeout=CONNECT_TIMEOUT, request_timeout=REQUEST_TIMEOUT,
    )  # fmt: skip


def _obs_failure(exc: Exception, client: ObsClient):

    log.warning("OBS at %s: %s: %s", client.address, type(exc).__name__, exc)
    if isinstance(exc, ObsWrongPassword):
        text = translate(
            "Cli",
            "OBS at {address} refused the password: check it in OBS (Tools → WebSocket Server Settings) and in --obs-password",
        )
    elif isinstance(exc, OverlayConflict):
        text = translate(
            "Cli", "OBS already has a source named “{name}” of another kind: rename it in OBS"
        ).replace("{name}", exc.name)
    elif isinstance(exc, ObsError):
        text = translate("Cli", "OBS refused a request ({detail})").replace("{detail}", str(exc))
    else:
        text = translate(
            "Cli",
            "OBS is not reachable at {address}: start OBS and enable its WebSocket server (Tools → WebSocket Server Settings)",
        )
    return CliError(text.replace("{address}", client.address), EXIT_OBS)


def _service(ctx, canvas=(1920, 1080)):
    from hostdesk.app import build_onair

    return build_onair(ctx, canvas)


def _names(ctx) -> OverlayNames:
    return OverlayNames(scene=ctx.settings.overlay.scene_name)


def cmd_obs_check(ctx, args) -> int:

    client = _client(ctx, args)
    try:
        client.connect()
        obs_version, ws_version = client.version()
        video = client.video_settings()
        service = _service(ctx, (video.base_width, video.base_height))
        frame = service.hidden_frame()
        ensured = ensure(client, _names(ctx), frame)
    except (ObsConnectionError, ObsError, OverlayConflict) as exc:
        raise _obs_failure(exc, client) from None
    finally:
        client.close()
    print(translate("Cli", "OBS {obs} (obs-websocket {ws}), canvas {w}x{h} at {fps:g} fps").format(
        obs=obs_version, ws=ws_version, w=video.base_width, h=video.base_height, fps=video.fps))  # fmt: skip
    print(translate("Cli", "Overlay scene “{scene}” is in program scene “{program}”").format(
        scene=_names(ctx).scene, program=ensured.program_scene))  # fmt: skip
    return 0


def _push(ctx, client: ObsClient, frame_for) -> None:
    """Connect, fit the look to OBS's canvas, ensure, apply `frame_for(service)`."""
    client.connect()
    video = client.video_settings()
    service = _service(ctx, (video.base_width, video.base_height))
    frame = frame_for(service)
    apply(client, _names(ctx), frame, ensure(client, _names(ctx), frame))


def cmd_live(ctx, args) -> int:

    job = ctx.jobs.get(args.code)
    if job is None:
        raise CliError(
            translate("Cli", "No job has the code {code}: see `hostdesk jobs list`").format(
                code=args.code
            )
        )
    if job.status == "closed":
        raise CliError(
            translate("Cli", "Job {code} is closed and cannot go on air: reopen it first").format(
                code=args.code
            )
        )
    client = _client(ctx, args)
    taken = []
    counted: list[int] = []

    def take(service):
        rendered, _ = service.take(args.code)
        taken.append((rendered, service.folder))
        _count(service, counted)
        return service.current_frame()  # card, QR and (when it is on) the counter

    try:
        _push(ctx, client, take)
    except (ObsConnectionError, ObsError, OverlayConflict) as exc:
        if not taken:  # OBS unreachable: the images and the record still happen locally
            service = _service(ctx)
            taken.append((service.take(args.code)[0], service.folder))
            _count(service, counted)
        print(translate("Cli", "On air (files only): {code}, sign-up link {url}; images in {folder}").format(
            code=args.code, url=taken[0][0].url, folder=taken[0][1] / "live"), file=sys.stderr)  # fmt: skip
        raise _obs_failure(exc, client) from None
    finally:
        client.close()
    rendered = taken[0][0]
    print(
        translate("Cli", "On air: {code}, sign-up link {url}").format(
            code=args.code, url=rendered.url
        )
    )
    if counted:
        print(translate("Cli", "Sign-up counter on air: {count} signed up").format(
            count=counted[0]))  # fmt: skip
    return 0


def _count(service, counted: list[int]) -> None:
    """Draw the job's sign-up counter now (when it is switched on) and note its count."""
    if service.counter is None or not service.look.counter:
        return
    result = service.counter.refresh()
    if result.count is not None:
        counted.append(result.count)


def cmd_clear(ctx, args) -> int:

    client = _client(ctx, args)

    def cleared(service):
        service.clear()
        return service.hidden_frame()

    try:
        _push(ctx, client, cleared)
    except (ObsConnectionError, ObsError, OverlayConflict) as exc:
        _service(ctx).clear()
        raise _obs_failure(exc, client) from None
    finally:
        client.close()
    print(translate("Cli", "Overlay off air"))
    return 0


def cmd_render(ctx, args) -> int:
    from hostdesk.fileio import atomic_write_bytes
    from hostdesk.render.card import render_card_png
    from hostdesk.render.geometry import Layout
    from hostdesk.render.themes import DEFAULT_THEME, theme_named

    job = ctx.jobs.get(args.code)
    if job is None:
        raise CliError(
            translate("Cli", "No job has the code {code}: see `hostdesk jobs list`").format(
                code=args.code
            )
        )
    layout = args.layout or ctx.settings.overlay.layout
    try:
        theme = theme_named(args.theme or ctx.settings.overlay.theme or DEFAULT_THEME)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    canvas = (1080, 1920) if layout == Layout.VERTICAL.value else (1920, 1080)
    try:
        atomic_write_bytes(
            args.out, render_card_png(job, layout=layout, theme=theme, canvas=canvas)
        )
    except OSError as exc:
        raise CliError(
            translate("Cli", "Cannot write {file}: {reason}").format(
                file=args.out, reason=exc.strerror
            )
        ) from None
    print(args.out)
    return 0


COMMANDS = {
    ("obs", "check"): cmd_obs_check,
    ("live", None): cmd_live,
    ("clear", None): cmd_clear,
    ("render", None): cmd_render,
}
