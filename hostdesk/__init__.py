"""HostDesk (直播带岗助手): on-air job cards, QR sign-ups and registration sync for live recruitment."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hostdesk")
except PackageNotFoundError:  # frozen build without dist-info, or a bare checkout
    __version__ = "0.1.0"
