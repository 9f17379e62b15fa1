"""The sync worker's rules on their own (hostdesk.sync.policy): no thread, no hub, a fake clock."""

from __future__ import annotations

import pytest

from hostdesk.sync import policy
from hostdesk.sync.client import (
    CAPTIVE_PORTAL,
    FORBIDDEN,
    NETWORK,
    SERVER,
    UNAUTHORIZED,
    HubBadRequest,
    HubRefused,
    HubUnavailable,
)
from hostdesk.sync.stream import (
    BUSY,
    DROPPED,
    REFUSED,
    SILENT,
    UNREACHABLE,
    UNSUPPORTED,
    StreamEnd,
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock():
    return FakeClock()


def gate(clock, base=1.0, cap=300.0, probe=2.0, rng=lambda: 1.0) -> policy.Gate:
    return policy.Gate(base, cap, probe, rng=rng, clock=clock)


def test_full_jitter_is_bounded_and_capped():
    assert policy.full_jitter(0, 1.0, 300.0, lambda: 1.0) == 1.0
    assert policy.full_jitter(5, 1.0, 300.0, lambda: 1.0) == 32.0
    assert policy.full_jitter(50, 1.0, 300.0, lambda: 1.0) == 300.0  # capped, attempts unlimited
    assert policy.full_jitter(50, 1.0, 300.0, lambda: 0.0) == 0.0
    assert policy.full_jitter(3, 1.0, 300.0, lambda: 0.5) == 4.0  # uniform over [0, 8)


def test_the_backoff_doubles_with_each_failure_in_a_row_up_to_the_cap(clock):
    g = gate(clock)
    delays = [g.close() for _ in range(12)]
    assert delays == [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300]
    assert g.failures == 12
    g.open()  # the hub answered
    assert (g.failures, g.wait(), g.close()) == (0, 0.0, 1.0)  # from the start again


def test_the_gate_stays_closed_for_the_delay_then_opens(clock):
    g = gate(clock)
    assert g.wait() == 0.0  # open before any failure
    g.close()
    g.close()  # the second failure in a row: 2 s
    assert g.wait() == 2.0
    clock.advance(1.5)
    assert g.wait() == 0.5
    clock.advance(0.5)
    assert g.wait() == 0.0


def test_the_hubs_retry_after_replaces_the_backoff_but_still_counts(clock):
    g = gate(clock)
    assert g.close(retry_after=30.0) == 30.0
    assert g.wait() == 30.0 and g.failures == 1
    assert g.close() == 2.0  # the backoff goes on from the failures so far


def test_a_silent_hub_is_looked_at_every_probe_interval_whatever_the_backoff(clock):
    # Issue 16: after an outage the backlog starts draining within 5 s of the hub's return,
    # even when the backoff has grown to its cap.
    g = gate(clock, base=600.0, cap=600.0, probe=policy.PROBE_INTERVAL)
    assert policy.PROBE_INTERVAL <= 2.0
    for _ in range(20):  # twenty failed looks in a row: the backoff is at its cap
        g.close()
        assert g.wait() == 600.0
        assert g.until_look(silent=True) == policy.PROBE_INTERVAL
        clock.advance(policy.PROBE_INTERVAL)
        assert g.until_look(silent=True) == 0.0  # look now
    # A hub that answers (429, 5xx, a portal) is not knocked on before the gate opens.
    assert g.until_look(silent=False) == g.wait() > 500


def test_a_look_never_comes_after_the_gate_opens(clock):
    g = gate(clock, base=1.0, probe=10.0)
    g.close()  # 1 s gate, the next look in 10 s
    assert g.until_look(silent=True) == 1.0
    clock.advance(1.0)
    assert g.until_look(silent=True) == 0.0 and g.wait() == 0.0


def test_random_delays_stay_in_the_window(clock):
    values = iter([0.0, 0.25, 0.999])
    g = gate(clock, rng=lambda: next(values))
    assert [g.close() for _ in range(3)] == [0.0, 0.5, pytest.approx(3.996)]


@pytest.mark.parametrize("reason", [UNAUTHORIZED, FORBIDDEN, "bad_url"])
def test_refusals_pause_everything(reason):
    failure = policy.failure(HubRefused(reason, "x", status=401))
    assert failure.pause and failure.reason == reason and failure.retry_after is None


def test_transient_failures_wait_at_the_gate():
    silent = policy.failure(HubUnavailable(NETWORK, "refused"))
    assert (silent.pause, silent.reason, silent.retry_after, silent.silent) == (
        False, NETWORK, None, True,
    )  # fmt: skip
    busy = policy.failure(HubUnavailable(SERVER, "503", status=503, retry_after=12.0))
    assert (busy.pause, busy.reason, busy.retry_after, busy.silent) == (False, SERVER, 12.0, False)
    portal = policy.failure(HubUnavailable(CAPTIVE_PORTAL, "html"))
    assert not portal.pause and not portal.silent  # something answered: no probing


def test_a_bad_request_outside_a_batch_is_the_hubs_fault():
    failure = policy.failure(HubBadRequest("bad_request", "422", status=422))
    assert (failure.pause, failure.reason, failure.silent) == (False, SERVER, False)


def test_a_refused_batch_is_halved_down_to_the_one_event():
    sizes, size = [], 100
    while size is not None:
        sizes.append(size)
        size = policy.smaller_batch(size)
    assert sizes == [100, 50, 25, 12, 6, 3, 1]
    assert (
        policy.bad_request_reason(HubBadRequest("bad_request", status=413)) == "rejected:http_413"
    )


def test_refused_items_keep_the_hubs_status_and_reason():
    assert policy.refusal_reason("rejected", "age_too_low") == "rejected:age_too_low"
    assert policy.refusal_reason("conflict", None) == "conflict:unspecified"


def _end(outcome, **kw) -> StreamEnd:
    return StreamEnd(outcome, **kw)


def test_quick_stream_drops_redial_later_each_time_then_poll_for_a_while():
    r = policy.StreamRedial(redial=1.0, fallback=300.0, silence=15.0)
    quick = _end(DROPPED, lasted=0.1)
    assert [r.after(quick) for _ in range(policy.STREAM_MAX_DROPS)] == [1.0, 2.0, 300.0]
    assert r.drops == 0  # after the fallback it starts over
    assert r.after(quick) == 1.0
    # A connection that lived (or brought events) was no quick drop: the count restarts.
    assert r.after(_end(DROPPED, lasted=60.0)) == 1.0
    assert r.after(_end(DROPPED, lasted=0.1, events=3)) == 1.0
    r.after(quick)
    r.heard()  # the stream delivered: it works
    assert r.after(quick) == 1.0


def test_a_busy_stream_honours_the_hubs_wish_else_backs_off():
    r = policy.StreamRedial(redial=1.0, fallback=300.0, rng=lambda: 1.0)
    assert r.after(_end(BUSY, retry_after=42.0)) == 42.0
    assert r.after(_end(BUSY)) == 4.0  # the second in a row: 1 s * 2**2, full jitter's top
    assert r.after(_end(BUSY)) == 8.0


def test_other_stream_endings():
    r = policy.StreamRedial(redial=1.0, fallback=300.0)
    assert r.after(_end(SILENT, lasted=15.0)) == 300.0  # a buffering proxy: poll a while
    assert r.after(_end(UNREACHABLE)) == 0.0  # as soon as the hub answers again
    assert r.after(_end(REFUSED, reason=UNAUTHORIZED)) is None  # the worker pauses
    assert r.after(_end(UNSUPPORTED, reason="http_404")) is None  # an older hub: never
