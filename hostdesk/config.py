"""Where HostDesk keeps its data, and the settings file (TOML) that lives there."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import tomllib
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import platformdirs
import tomli_w

from hostdesk.fileio import atomic_write_bytes
from hostdesk.private_files import private_dir, tighten

log = logging.getLogger(__name__)

DATA_DIR_ENV = "HOSTDESK_DATA_DIR"
SETTINGS_FILE = "settings.toml"
LANGUAGES = ("zh_CN", "en")
# The names hostdesk.render.geometry knows; repeated here because config must not import Qt.
LAYOUTS = ("landscape", "side", "vertical")
POSITIONS = ("standard", "mirrored")
ROTATE_BOUNDS = (5, 3600)  # seconds a job stays on air when the rundown auto-rotates
RETENTION_BOUNDS = (30, 3650)  # days the personal data of synced registrations is kept
KEYRING_SERVICE = "HostDesk"


def default_data_dir() -> Path:
    # Windows: %LOCALAPPDATA%\HostDesk (not roaming: the database is per machine);
    # Linux: ~/.local/share/hostdesk, lower case as is the custom there.
    name = "HostDesk" if sys.platform in ("win32", "darwin") else "hostdesk"
    return Path(platformdirs.user_data_dir(name, appauthor=False, roaming=False))


def resolve_data_dir(cli_value: str | os.PathLike | None = None) -> Path:
    """--data-dir wins over HOSTDESK_DATA_DIR, which wins over the platform default."""
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


@dataclass
class GeneralSettings:
    language: str = "zh_CN"
    first_run_done: bool = False  # the first-run guide was finished (or skipped) once


@dataclass
class SignupSettings:
    # {hub} the hub's public URL, {code} the job code, {session} the live session id,
    # {device} this PC's name on the hub (its device token's name, learnt from the hub).
    url_template: str = "{hub}/j/{code}?s={session}&d={device}"
    hub_url: str = ""


# Defaults saved by earlier versions: a file still holding one gets today's default, so
# sign-ups from its QR codes are attributed to this PC too. A template the user edited stays.
OLD_URL_TEMPLATES = ("{hub}/j/{code}?s={session}",)


@dataclass
class ObsSettings:
    url: str = "ws://127.0.0.1:4455"  # obs-websocket 5's default port
    # Empty while the password is in the OS keyring (password_in_keyring); otherwise it is
    # here, in a file readable by its owner only (see save_settings, store_obs_password).
    password: str = ""
    password_in_keyring: bool = False


@dataclass
class OverlaySettings:
    layout: str = "landscape"  # landscape | side | vertical
    theme: str = ""  # empty: the renderer's default theme
    scene_name: str = "HostDesk 叠加层"
    position: str = "standard"  # standard | mirrored (see render.geometry.overlay_geometry)
    # The live sign-up counter and ticker (已报名 N 人 · 张** 刚刚报名 …) beside the card.
    show_counter: bool = True


@dataclass
class RundownSettings:
    rotate_seconds: int = 60  # auto-rotate: how long each rundown job stays on air


@dataclass
class RegistrationSettings:
    # After this many days the name, phone, note and cities of a registration the hub has
    # acknowledged are erased locally (the record and its counts stay).
    retention_days: int = 180


@dataclass
class HotkeySettings:
    """Keys in QKeySequence's portable text format; alternatives separated by "; ".

    Slots 1-9 are always the number keys. An empty value means the action has no key.
    """

    take: str = "Space; Return; Enter"
    next: str = "Right; PgDown"
    previous: str = "Left; PgUp"
    clear: str = "Esc"
    rotate: str = "Ctrl+R"  # auto-rotate on/off


@dataclass
class SessionSettings:
    host: str = ""  # the host (主播) typed when going live last: 开始直播 offers it next time


@dataclass
class SyncSettings:
    """Sending sign-ups to the hub at [signup] hub_url with a device token."""

    enabled: bool = True
    # Empty while the token is in the OS keyring (token_in_keyring); otherwise it is here,
    # in the owner-only file, exactly like the OBS password.
    token: str = ""
    token_in_keyring: bool = False


@dataclass
class Settings:
    general: GeneralSettings = field(default_factory=GeneralSettings)
    signup: SignupSettings = field(default_factory=SignupSettings)
    obs: ObsSettings = field(default_factory=ObsSettings)
    overlay: OverlaySettings = field(default_factory=OverlaySettings)
    rundown: RundownSettings = field(default_factory=RundownSettings)
    hotkeys: HotkeySettings = field(default_factory=HotkeySettings)
    registrations: RegistrationSettings = field(default_factory=RegistrationSettings)
    sync: SyncSettings = field(default_factory=SyncSettings)
    session: SessionSettings = field(default_factory=SessionSettings)
    # Where these settings were read from or saved to (never written to the file): the
    # keyring entry of the OBS password is named after it.
    data_dir: Path | None = field(default=None, compare=False, repr=False)


SECTIONS = (
    "general", "signup", "obs", "overlay", "rundown", "hotkeys", "registrations", "sync",
    "session",
)  # fmt: skip


OBS_URL_ENV = "HOSTDESK_OBS_URL"
OBS_PASSWORD_ENV = "HOSTDESK_OBS_PASSWORD"


def obs_connection(
    settings: Settings, url: str | None = None, password: str | None = None
) -> tuple[str, str]:
    """(url, password): command-line values win over the environment, which wins over settings.

    May ask the OS keyring (a D-Bus or Credential Manager call): not on the GUI thread.
    """
    if password is None:
        password = os.environ.get(OBS_PASSWORD_ENV)
    if password is None:
        password = obs_password(settings)
    return url or os.environ.get(OBS_URL_ENV) or settings.obs.url, password


HUB_URL_ENV = "HOSTDESK_HUB_URL"
HUB_TOKEN_ENV = "HOSTDESK_HUB_TOKEN"


def hub_connection(
    settings: Settings, url: str | None = None, token: str | None = None
) -> tuple[str, str]:
    """(hub URL, device token): command line > environment > settings (token: keyring/file).

    May ask the OS keyring: not on the GUI thread.
    """
    if token is None:
        token = os.environ.get(HUB_TOKEN_ENV)
    if token is None:
        token = sync_token(settings)
    return hub_address(settings, url), token.strip()


def hub_address(settings: Settings, url: str | None = None) -> str:
    """The hub's address: command line > environment > settings, for sync and the QR links
    alike (a hub named one way for sending sign-ups and another in the codes on air would
    lead viewers to a hub that does not know the job)."""
    url = url or os.environ.get(HUB_URL_ENV) or settings.signup.hub_url
    return url.strip().rstrip("/")


@dataclass(frozen=True)
class SettingsWarning:
    """Something wrong with the settings file the user should see; `reason` selects the text."""

    # "corrupt" (file unreadable, kept as .bak), "bad_value", or "keyring" (the OS keyring
    # failed, so the OBS password went to the owner-only settings file instead)
    reason: str
    path: Path
    key: str = ""
    detail: str = ""


def _apply(section_obj, values: dict, section: str, path: Path, warnings: list) -> None:
    for f in fields(section_obj):
        if f.name not in values:
            continue
        value, default = values[f.name], getattr(section_obj, f.name)
        if type(value) is not type(default):
            warnings.append(SettingsWarning("bad_value", path, f"{section}.{f.name}", repr(value)))
            continue
        setattr(section_obj, f.name, value)
    for name, valid in _VALID.get(section, {}).items():
        value = getattr(section_obj, name)
        if not valid(value):
            warnings.append(SettingsWarning("bad_value", path, f"{section}.{name}", repr(value)))
            setattr(section_obj, name, getattr(type(section_obj)(), name))


# Values of the right type that are still unusable; such a value is replaced by its default.
_VALID = {
    "general": {"language": lambda v: v in LANGUAGES},
    "overlay": {"layout": lambda v: v in LAYOUTS, "position": lambda v: v in POSITIONS},
    "rundown": {"rotate_seconds": lambda v: ROTATE_BOUNDS[0] <= v <= ROTATE_BOUNDS[1]},
    "registrations": {"retention_days": lambda v: RETENTION_BOUNDS[0] <= v <= RETENTION_BOUNDS[1]},
}


def load_settings(data_dir: Path) -> tuple[Settings, list[SettingsWarning]]:
    """Read settings; a corrupt file is moved to settings.toml.bak and defaults are used."""
    path = data_dir / SETTINGS_FILE
    settings = Settings(data_dir=data_dir)
    warnings: list[SettingsWarning] = []
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return settings, warnings
    tighten(path)  # it may hold the OBS password or the hub token (a user may have copied it in)
    try:
        doc = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        # Keep the user's file for inspection; the next save must not overwrite it.
        os.replace(path, path.with_name(path.name + ".bak"))
        warnings.append(SettingsWarning("corrupt", path, detail=str(exc)))
        return settings, warnings
    for name in SECTIONS:
        section = doc.get(name)
        if isinstance(section, dict):
            _apply(getattr(settings, name), section, name, path, warnings)
        elif section is not None:
            warnings.append(SettingsWarning("bad_value", path, name, repr(section)))
    if settings.signup.url_template in OLD_URL_TEMPLATES:
        settings.signup.url_template = SignupSettings().url_template
    return settings, warnings


def save_settings(data_dir: Path, settings: Settings) -> None:
    """Atomic write: a crash mid-save leaves the previous file intact."""
    private_dir(data_dir)
    doc = {name: asdict(getattr(settings, name)) for name in SECTIONS}
    # Owner-only from creation: the file may hold the OBS password.
    atomic_write_bytes(data_dir / SETTINGS_FILE, tomli_w.dumps(doc).encode("utf-8"), mode=0o600)
    settings.data_dir = data_dir


# --- The OBS password: the OS keyring when there is a usable one, else the settings file.


OBS_ACCOUNT = "obs-websocket"
SYNC_ACCOUNT = "hub-token"


def keyring_user(data_dir: Path, account: str = OBS_ACCOUNT) -> str:
    """The keyring entry's user name: one per data dir and secret, so none is ever shared."""
    return f"{account}@{Path(data_dir).expanduser().resolve()}"


def _usable_keyring():
    """The keyring backend, or None when there is none worth using (only the fail/null ones).

    keyring is imported here, not at the top: the command-line verbs that never need a
    password should not pay for its backend discovery.
    """
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring) or backend.priority <= 0:
            return None
        return backend
    except Exception as exc:  # a broken backend plugin must not stop the app
        log.warning("no usable keyring: %s", type(exc).__name__)
        return None


def obs_password(settings: Settings) -> str:
    """The stored OBS password: from the keyring if it was put there, else from the file.

    A keyring that fails now (locked, its service gone) gives the file's value (usually
    empty) and a warning in the log: OBS will then refuse the connection, which the user
    is told about and can fix by entering the password again.
    """
    obs = settings.obs
    return _read_secret(settings, OBS_ACCOUNT, obs.password_in_keyring, obs.password)


def sync_token(settings: Settings) -> str:
    """The stored hub token (keyring or file), like obs_password; the hub's 401 says if stale."""
    sync = settings.sync
    return _read_secret(settings, SYNC_ACCOUNT, sync.token_in_keyring, sync.token)


def _read_secret(settings: Settings, account: str, in_keyring: bool, file_value: str) -> str:
    if not in_keyring:
        return file_value
    backend = _usable_keyring()
    if backend is None:
        log.warning("the %s is in the keyring, but no keyring is usable now", account)
        return file_value
    try:
        stored = backend.get_password(
            KEYRING_SERVICE, keyring_user(_data_dir_of(settings), account)
        )
    except Exception as exc:
        log.warning("reading the %s from the keyring failed: %s", account, type(exc).__name__)
        return file_value
    if stored is None:
        log.warning("the keyring has no %s for this data dir", account)
        return file_value
    return stored


def store_obs_password(data_dir: Path, settings: Settings, password: str) -> SettingsWarning | None:
    """Put the OBS password in the keyring if usable, else in `settings` (the file's copy).

    Updates `settings.obs` to say where it went; the caller then saves the settings file.
    Returns a "keyring" warning when a usable keyring failed and the file was used instead.
    May block on the keyring (an unlock prompt, D-Bus): call it from a worker thread.
    """
    settings.data_dir = data_dir
    in_keyring, warning = _store_secret(data_dir, OBS_ACCOUNT, password, "obs.password")
    settings.obs.password = "" if in_keyring else password
    settings.obs.password_in_keyring = in_keyring
    return warning


def store_sync_token(data_dir: Path, settings: Settings, token: str) -> SettingsWarning | None:
    """Put the hub token in the keyring if usable, else in `settings`; as store_obs_password."""
    settings.data_dir = data_dir
    in_keyring, warning = _store_secret(data_dir, SYNC_ACCOUNT, token, "sync.token")
    settings.sync.token = "" if in_keyring else token
    settings.sync.token_in_keyring = in_keyring
    return warning


def _store_secret(
    data_dir: Path, account: str, secret: str, key: str
) -> tuple[bool, SettingsWarning | None]:
    """(stored in the keyring?, warning); not in the keyring means the caller keeps it in the file."""
    backend = _usable_keyring()
    if backend is None:
        return False, None
    try:
        if secret:
            backend.set_password(KEYRING_SERVICE, keyring_user(data_dir, account), secret)
        else:
            _delete_quietly(backend, data_dir, account)
    except Exception as exc:
        log.warning("the keyring refused the %s: %s", account, type(exc).__name__)
        warning = SettingsWarning("keyring", data_dir / SETTINGS_FILE, key, type(exc).__name__)
        _delete_quietly(backend, data_dir, account)  # no stale copy left to win over the file's
        return False, warning
    return bool(secret), None


def _delete_quietly(backend, data_dir: Path, account: str = OBS_ACCOUNT) -> None:
    # PasswordDeleteError when there was none; anything else: best effort.
    with contextlib.suppress(Exception):
        backend.delete_password(KEYRING_SERVICE, keyring_user(data_dir, account))


def _data_dir_of(settings: Settings) -> Path:
    return settings.data_dir if settings.data_dir is not None else resolve_data_dir()
