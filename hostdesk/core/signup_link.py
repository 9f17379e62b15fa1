"""The sign-up link behind a job's QR code: the job's own, or the hub's page from a template."""

from __future__ import annotations

from urllib.parse import quote

from hostdesk.core.jobs import Job

DEFAULT_SIGNUP_TEMPLATE = "{hub}/j/{code}?s={session}&d={device}"
# Characters a URL may carry as they are; everything else (spaces, hanzi) is %-encoded.
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


def signup_url(
    job: Job,
    template: str = DEFAULT_SIGNUP_TEMPLATE,
    hub: str = "",
    session: str = "",
    device: str = "",
) -> str:
    """The job's own sign-up URL if it has one, else `template` filled in, each part quoted.

    Placeholders: {hub} (the agency's hub base URL), {code} (the job code), {session} (the
    stream session, so sign-ups can be traced to the stream that produced them), {device}
    (this broadcast PC's name on the hub; empty until the hub has told it).
    """
    own = job.signup_url.strip()
    if own:
        return quote(own, safe=_URL_SAFE)
    values = {
        "hub": quote(hub.strip().rstrip("/"), safe=_URL_SAFE),
        "code": quote(job.code, safe=""),
        "session": quote(session.strip(), safe=""),
        "device": quote(device.strip(), safe=""),
    }
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError) as exc:
        raise ValueError(
            f"sign-up URL template {template!r} is not usable ({exc}); "
            "it may use {hub}, {code}, {session} and {device}"
        ) from None


def scannable(url: str) -> bool:
    """Whether a phone can open this link: an absolute http(s) URL."""
    return url.startswith(("https://", "http://"))
