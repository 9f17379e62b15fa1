"""The errors of the OBS client: one type per state the user can act on."""

from __future__ import annotations


class ObsClientError(Exception):
    """Anything the OBS client raises."""


class ObsConnectionError(ObsClientError):
    """No usable connection to OBS; the subclasses say why."""


class ObsNotRunning(ObsConnectionError):
    """Nothing listens at host:port (connection refused or host unreachable)."""


class ObsWrongPassword(ObsConnectionError):
    """obs-websocket closed the handshake with 4009 (authentication failed)."""


class ObsTimeout(ObsConnectionError):
    """OBS (or whatever listens there) did not answer in time: not started yet, hung, or not OBS."""


class ObsConnectionLost(ObsConnectionError):
    """The connection is gone (reset, closed by OBS, closed by us) or was never made.

    `close_code` is the websocket close code when OBS sent one (1001: OBS is
    exiting), else None (a TCP reset or EOF: OBS crashed or the network dropped).
    """

    def __init__(self, message: str, close_code: int | None = None) -> None:
        super().__init__(message)
        self.close_code = close_code


class ObsError(ObsClientError):
    """OBS answered a request with a failure; `code` and `comment` are obs-websocket's own.

    Codes worth knowing (obs-websocket 5.1): 204 unknown request type,
    600 resource not found, 601 resource already exists, 605 input kind not supported.
    """

    def __init__(self, code: int, comment: str, request_type: str = "") -> None:
        super().__init__(f"{request_type or 'request'} failed: {code} {comment}".rstrip())
        self.code = code
        self.comment = comment
        self.request_type = request_type
