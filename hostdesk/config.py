"""Where HostDesk keeps its data, and the settings file (TOML) that lives there."""

from __future__ import annotations

import os
import sys
import tomllib
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import platformdirs
import tomli_w

from hostdesk.fileio import atomic_write_bytes

DATA_DIR_ENV = "HOSTDESK_DATA_DIR"
SETTINGS_FILE = "settings.toml"
LANGUAGES = ("zh_CN", "en")


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


@dataclass
class SignupSettings:
    # {hub} the hub's public URL, {code} the job code, {session} the live session id.
    url_template: str = "{hub}/j/{code}?s={session}"
    hub_url: str = ""


@dataclass
class ObsSettings:
    url: str = "ws://127.0.0.1:4455"  # obs-websocket 5's default port
    password: str = ""  # the file is made readable by its owner only (see save_settings)


@dataclass
class OverlaySettings:
    layout: str = "landscape"  # landscape | side | vertical
    theme: str = ""  # empty: the renderer's default theme
    scene_name: str = "HostDesk 叠加层"


@dataclass
class Settings:
    general: GeneralSettings = field(default_factory=GeneralSettings)
    signup: SignupSettings = field(default_factory=SignupSettings)
    obs: ObsSettings = field(default_factory=ObsSettings)
    overlay: OverlaySettings = field(default_factory=OverlaySettings)


OBS_URL_ENV = "HOSTDESK_OBS_URL"
OBS_PASSWORD_ENV = "HOSTDESK_OBS_PASSWORD"


def obs_connection(
    settings: Settings, url: str | None = None, password: str | None = None
) -> tuple[str, str]:
    """(url, password): command-line values win over the environment, which wins over settings."""
    return (
        url or os.environ.get(OBS_URL_ENV) or settings.obs.url,
        password
        if password is not None
        else os.environ.get(OBS_PASSWORD_ENV, settings.obs.password),
    )


@dataclass(frozen=True)
class SettingsWarning:
    """Something wrong with the settings file the user should see; `reason` selects the text."""

    reason: str  # "corrupt" (file unreadable, kept as .bak) or "bad_value"
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
    if section == "general" and section_obj.language not in LANGUAGES:
        warnings.append(
            SettingsWarning("bad_value", path, "general.language", section_obj.language)
        )
        section_obj.language = GeneralSettings.language


def load_settings(data_dir: Path) -> tuple[Settings, list[SettingsWarning]]:
    """Read settings; a corrupt file is moved to settings.toml.bak and defaults are used."""
    path = data_dir / SETTINGS_FILE
    settings = Settings()
    warnings: list[SettingsWarning] = []
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return settings, warnings
    try:
        doc = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        # Keep the user's file for inspection; the next save must not overwrite it.
        os.replace(path, path.with_name(path.name + ".bak"))
        warnings.append(SettingsWarning("corrupt", path, detail=str(exc)))
        return settings, warnings
    for f in fields(settings):
        section = doc.get(f.name)
        if isinstance(section, dict):
            _apply(getattr(settings, f.name), section, f.name, path, warnings)
        elif section is not None:
            warnings.append(SettingsWarning("bad_value", path, f.name, repr(section)))
    return settings, warnings


def save_settings(data_dir: Path, settings: Settings) -> None:
    """Atomic write: a crash mid-save leaves the previous file intact."""
    data_dir.mkdir(parents=True, exist_ok=True)
    # Owner-only from creation: the file may hold the OBS password.
    atomic_write_bytes(
        data_dir / SETTINGS_FILE, tomli_w.dumps(asdict(settings)).encode("utf-8"), mode=0o600
    )
