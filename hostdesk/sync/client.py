"""The hub's HTTP API as the sync worker uses it: explicit timeouts, no hidden retries, strict answers.

The worker is the one retry layer: urllib3 must not retry underneath it (a retried POST
after a dropped response is a second delivery nobody counted), and redirects are not
followed (a captive portal's 302 to its login page is not the hub). A 2xx is an
acknowledgement only when its body is the JSON the contract promises, listing every
item sent, in order.
"""

from __future__ import annotations

import email.utils
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import requests
import requests.auth
from requests.adapters import HTTPAdapter

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0
RETRY_AFTER_BOUNDS = (1.0, 300.0)  # a server's wish is honoured, within reason
ITEM_STATUSES = ("created", "duplicate", "conflict", "rejected")
ACKED_STATUSES = ("created", "duplicate")

# Reason codes, shared with SyncStatus.reason.
NETWORK = "network"
SERVER = "server"
CAPTIVE_PORTAL = "captive_portal"
UNAUTHORIZED = "unauthorized"
FORBIDDEN = "forbidden"
BAD_URL = "bad_url"
NOT_CONFIGURED = "not_configured"


class HubError(Exception):
    """The request did not produce an answer we may act on per item."""

    def __init__(self, reason: str, detail: str = "", *, status: int | None = None):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail  # English, for the log; never a response body
        self.status = status


class HubUnavailable(HubError):
    """Transient (network, 5xx, 408, 429, captive portal): try again later, same ids."""

    def __init__(self, reason: str, detail: str = "", *, status=None, retry_after=None):
        super().__init__(reason, detail, status=status)
        self.retry_after = retry_after  # seconds, already clamped; None: use the backoff


class HubRefused(HubError):
    """Nothing will work until someone changes the settings: 401, 403, a wrong URL."""


class HubBadRequest(HubError):
    """The hub refused this request's shape or size (400, 413, 422): not worth repeating."""


@dataclass(frozen=True)
class ItemResult:
    event_id: str
    client_id: str
    status: str  # created | duplicate | conflict | rejected
    reason: str  # "" when none

    @property
    def acked(self) -> bool:
        return self.status in ACKED_STATUSES


def parse_retry_after(value: str | None, now: Callable[[], datetime] | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), clamped to
    [1 s, 5 min]; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(int(value))
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when is None:
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or (lambda: datetime.now(UTC)))()).total_seconds()
    low, high = RETRY_AFTER_BOUNDS
    return min(high, max(low, seconds))


class _Bearer(requests.auth.AuthBase):
    def __init__(self, token: str):
        self._token = token

    def __call__(self, request):
        request.headers["Authorization"] = f"Bearer {self._token}"
        return request


def _unavailable(resp: requests.Response, reason: str = SERVER) -> HubUnavailable:
    return HubUnavailable(
        reason,
        f"HTTP {resp.status_code}",
        status=resp.status_code,
        retry_after=parse_retry_after(resp.headers.get("Retry-After")),
    )


class HubClient:
    """One hub at `base_url` with a device token. Not thread-safe: one per worker thread."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        connect_timeout: float = CONNECT_TIMEOUT,
        read_timeout: float = READ_TIMEOUT,
    ):
        self.base_url = (base_url or "").strip().rstrip("/")
        self._token = token or ""
        self.timeout = (connect_timeout, read_timeout)
        # The system's proxy settings apply (a venue or office network may need one); the
        # token goes as an auth object, so a ~/.netrc entry can never replace it.
        self._session = requests.Session()
        adapter = HTTPAdapter(max_retries=0)
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)

    @property
    def token(self) -> str:
        return self._token

    @property
    def configured(self) -> bool:
        return bool(self.base_url and self._token)

    def close(self) -> None:
        self._session.close()

    # -- the calls ----------------------------------------------------------------------

    def push(self, items: list[dict]) -> list[ItemResult]:
        """POST /api/v1/registrations/batch; one result per item, in order, or HubError."""
        resp = self._request("POST", "/api/v1/registrations/batch", json={"items": items})
        body = self._json(resp)
        results = body.get("results") if isinstance(body, dict) else None
        if not isinstance(results, list) or len(results) != len(items):
            raise HubUnavailable(CAPTIVE_PORTAL, "the answer does not list every item sent")
        out = []
        for item, res in zip(items, results, strict=True):
            if (
                not isinstance(res, dict)
                or res.get("event_id") != item["event_id"]
                or res.get("status") not in ITEM_STATUSES
            ):
                raise HubUnavailable(
                    CAPTIVE_PORTAL, "an item's answer does not match what was sent"
                )
            reason = res.get("reason")
            out.append(
                ItemResult(
                    event_id=item["event_id"],
                    client_id=item["client_id"],
                    status=res["status"],
                    reason=reason if isinstance(reason, str) else "",
                )
            )
        return out

    def lookup(self, client_ids: list[str]) -> dict[str, int]:
        """POST /api/v1/registrations/lookup: {client_id: version} of the ids the hub has."""
        resp = self._request(
            "POST", "/api/v1/registrations/lookup", json={"client_ids": client_ids}
        )
        body = self._json(resp)
        known = body.get("known") if isinstance(body, dict) else None
        if not isinstance(known, dict) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in known.values()
        ):
            raise HubUnavailable(CAPTIVE_PORTAL, "the lookup answer is not the expected JSON")
        asked = set(client_ids)
        return {k: v for k, v in known.items() if k in asked}

    def post_json(self, path: str, body: dict):
        """POST a JSON document (the catalogue publish): the answer's JSON; errors as for push."""
        return self._json(self._request("POST", path, json=body))

    def get_json(self, path: str, params: dict | None = None, headers: dict | None = None):
        """GET a JSON document (for the pull): (status, body or None, response headers).

        304 gives (304, None, headers). Other statuses raise as for push.
        """
        resp = self._request("GET", path, params=params, headers=headers)
        if resp.status_code == 304:
            return 304, None, resp.headers
        return resp.status_code, self._json(resp), resp.headers

    # -- plumbing -----------------------------------------------------------------------

    def _request(self, method: str, path: str, **kwargs) -> requests.Response:
        if not self.base_url:
            raise HubRefused(NOT_CONFIGURED, "no hub URL")
        if not self._token:
            raise HubRefused(NOT_CONFIGURED, "no hub token")
        headers = {"Accept": "application/json"}
        headers.update(kwargs.pop("headers", None) or {})
        try:
            resp = self._session.request(
                method,
                self.base_url + path,
                headers=headers,
                auth=_Bearer(self._token),
                timeout=self.timeout,
                allow_redirects=False,
                **kwargs,
            )
        except (
            requests.exceptions.InvalidURL,
            requests.exceptions.MissingSchema,
            requests.exceptions.InvalidSchema,
        ) as exc:
            raise HubRefused(BAD_URL, type(exc).__name__) from None
        except requests.exceptions.RequestException as exc:
            # Refused, reset, DNS, timeouts, a body cut short: the request may or may not
            # have been applied; the same event ids make trying again safe.
            raise HubUnavailable(NETWORK, type(exc).__name__) from None
        self._check_status(resp)
        return resp

    @staticmethod
    def _check_status(resp: requests.Response) -> None:
        code = resp.status_code
        if code == 401:
            raise HubRefused(UNAUTHORIZED, "HTTP 401", status=code)
        if code == 403:
            raise HubRefused(FORBIDDEN, "HTTP 403", status=code)
        if code in (404, 405, 410):
            # Not the hub's API at this address (a wrong URL or path).
            raise HubRefused(BAD_URL, f"HTTP {code}", status=code)
        if code in (408, 425, 429) or code >= 500:
            raise _unavailable(resp)
        if 300 <= code < 400 and code != 304:
            raise _unavailable(resp, CAPTIVE_PORTAL)  # a portal redirecting to its login
        if code in (400, 413, 422):
            raise HubBadRequest("bad_request", f"HTTP {code}", status=code)
        if code >= 400:
            raise _unavailable(resp)
        if code != 304 and code != 200:
            raise _unavailable(resp, CAPTIVE_PORTAL)

    @staticmethod
    def _json(resp: requests.Response):
        ctype = resp.headers.get("Content-Type", "")
        if "json" not in ctype.lower():
            raise HubUnavailable(CAPTIVE_PORTAL, f"a 200 answer of type {ctype or 'unknown'}")
        try:
            return resp.json()
        except ValueError:
            raise HubUnavailable(CAPTIVE_PORTAL, "a 200 answer that is not JSON") from None
