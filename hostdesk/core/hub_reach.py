"""Can a viewer's phone open this hub address? Loopback never; a private network not from a
public stream. Plain Python (the console and the settings ask it; no Qt, no network)."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

# Reasons (the UI turns each into a sentence that says what to do).
EMPTY = "empty"  # no address: the QR cannot be made
NOT_WEB = "not_web"  # not an http(s) address with a host
LOOPBACK = "loopback"  # 127.0.0.1, ::1, localhost: the PC itself, on every phone a dead end
UNSPECIFIED = "unspecified"  # 0.0.0.0 or ::, a listening address and not a place to go
LINK_LOCAL = "link_local"  # 169.254.x.x, fe80::: this cable only
PRIVATE = "private"  # 10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7, *.local: the LAN only

# Names only the local network resolves (RFC 6762 .local, RFC 8375 home.arpa, common LAN ones).
_LAN_SUFFIXES = (".local", ".lan", ".home", ".internal", ".intranet", ".home.arpa", ".localdomain")
_CGNAT = ipaddress.ip_network("100.64.0.0/10")  # carrier NAT: not reachable from outside


def phone_unreachable(url: str, *, public_stream: bool = True) -> str | None:
    """None when a phone can be expected to open `url`; else the reason it cannot.

    `public_stream`: the stream goes out to the internet (a Douyin or Kuaishou live room), so
    a private address fails for every viewer; False for an in-house screen on the same Wi-Fi.
    """
    url = (url or "").strip()
    if not url:
        return EMPTY
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return NOT_WEB
    if parts.scheme.lower() not in ("http", "https") or not host:
        return NOT_WEB
    host = host.rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return LOOPBACK
    try:
        address = ipaddress.ip_address(host)
    except ValueError:  # a name: only LAN-only suffixes are known not to work from outside
        if public_stream and (host.endswith(_LAN_SUFFIXES) or "." not in host):
            return PRIVATE
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address.is_loopback:
        return LOOPBACK
    if address.is_unspecified:
        return UNSPECIFIED
    if address.is_link_local:
        return LINK_LOCAL
    private = address.is_private or (address.version == 4 and address in _CGNAT)
    if public_stream and private:
        return PRIVATE
    return None
