"""The rundown's order, slots and wrap-around, and the auto-rotation clock driven by numbers."""

from __future__ import annotations

import math

import pytest

from hostdesk.core.rundown import (
    MAX_INTERVAL_S,
    MIN_INTERVAL_S,
    AutoRotate,
    IntervalError,
    RotateState,
    Rundown,
    check_interval,
)


def test_add_keeps_order_and_refuses_duplicates():
    rundown = Rundown()
    assert rundown.add("A") and rundown.add("B")
    assert rundown.add("C", at=0)
    assert rundown.add("D", at=1)
    assert rundown.codes == ("C", "D", "A", "B")
    assert rundown.add("A") is False
    assert rundown.add("A", at=0) is False  # a listed code is not moved either
    assert rundown.codes == ("C", "D", "A", "B")
    assert rundown.add("E", at=99)  # beyond the end appends
    assert rundown.codes[-1] == "E"


def test_constructor_drops_duplicates_keeping_the_first_place():
    assert Rundown(["A", "B", "A", "C", "B"]).codes == ("A", "B", "C")
    assert Rundown(["A", "B"]) == Rundown(("A", "B"))
    assert Rundown(["A", "B"]) != Rundown(["B", "A"])


def test_remove():
    rundown = Rundown(["A", "B", "C"])
    assert rundown.remove("B") is True
    assert rundown.remove("B") is False
    assert rundown.codes == ("A", "C")
    assert "B" not in rundown and "A" in rundown and len(rundown) == 2


@pytest.mark.parametrize(
    ("src", "dst", "expected", "changed"),
    [
        (0, 2, ("B", "C", "A", "D"), True),  # down
        (3, 0, ("D", "A", "B", "C"), True),  # up to the top
        (1, 1, ("A", "B", "C", "D"), False),  # dropped where it was
        (0, 99, ("B", "C", "D", "A"), True),  # released below the last row: last
        (2, -5, ("C", "A", "B", "D"), True),  # above the first row: first
        (3, 3, ("A", "B", "C", "D"), False),
    ],
)
def test_move(src, dst, expected, changed):
    rundown = Rundown(["A", "B", "C", "D"])
    assert rundown.move(src, dst) is changed
    assert rundown.codes == expected


@pytest.mark.parametrize("src", [-1, 4, 10])
def test_move_from_a_missing_index_is_an_error(src):
    rundown = Rundown(["A", "B", "C", "D"])
    with pytest.raises(IndexError):
        rundown.move(src, 0)
    assert rundown.codes == ("A", "B", "C", "D")
    with pytest.raises(IndexError):
        Rundown().move(0, 0)


def test_slots_map_number_keys_to_the_first_nine():
    rundown = Rundown([f"J{i}" for i in range(1, 12)])
    assert [rundown.slot(n) for n in range(1, 10)] == [f"J{i}" for i in range(1, 10)]
    short = Rundown(["A", "B"])
    assert (short.slot(1), short.slot(2), short.slot(3), short.slot(9)) == ("A", "B", None, None)
    for bad in (0, 10, -1):
        with pytest.raises(ValueError):
            short.slot(bad)


def test_index_of():
    rundown = Rundown(["A", "B"])
    assert (rundown.index_of("A"), rundown.index_of("B"), rundown.index_of("Z")) == (0, 1, None)


def test_next_and_previous_wrap_around():
    rundown = Rundown(["A", "B", "C"])
    assert [rundown.next_after(c) for c in "ABC"] == ["B", "C", "A"]
    assert [rundown.previous_before(c) for c in "ABC"] == ["C", "A", "B"]


def test_next_and_previous_from_off_the_list():
    rundown = Rundown(["A", "B", "C"])
    # Nothing on air, or a job taken from the catalogue: start from the ends.
    assert rundown.next_after(None) == "A" and rundown.next_after("Z") == "A"
    assert rundown.previous_before(None) == "C" and rundown.previous_before("Z") == "C"
    assert Rundown().next_after("A") is None and Rundown().previous_before(None) is None


def test_next_and_previous_skip_what_cannot_be_taken():
    rundown = Rundown(["A", "B", "C", "D"])
    closed = {"B", "C"}
    assert rundown.next_after("A", lambda code: code not in closed) == "D"
    assert rundown.next_after("D", {"A", "D"}) == "A"
    assert rundown.previous_before("D", {"A", "D"}) == "A"
    assert rundown.previous_before("A", {"C"}) == "C"
    assert rundown.next_after("A", {"A"}) == "A"  # the only takeable one is itself
    assert rundown.next_after("A", set()) is None
    assert rundown.next_after(None, {"C"}) == "C"


def test_single_item_wraps_to_itself():
    rundown = Rundown(["A"])
    assert rundown.next_after("A") == "A" and rundown.previous_before("A") == "A"


def test_interval_bounds():
    assert check_interval(MIN_INTERVAL_S) == MIN_INTERVAL_S
    assert check_interval(MAX_INTERVAL_S) == MAX_INTERVAL_S
    assert check_interval("30") == 30.0
    for bad in (MIN_INTERVAL_S - 0.1, MAX_INTERVAL_S + 1, 0, -10, math.nan, "soon", None):
        with pytest.raises(IntervalError) as caught:
            check_interval(bad)
        assert caught.value.reason == "interval_out_of_range"
        assert (caught.value.min_s, caught.value.max_s) == (MIN_INTERVAL_S, MAX_INTERVAL_S)
    rotate = AutoRotate()
    with pytest.raises(IntervalError):
        rotate.start(100.0, 1)
    assert rotate.state is RotateState.STOPPED


def test_rotation_counts_down_and_advances():
    rundown = Rundown(["A", "B", "C"])
    rotate = AutoRotate()
    assert rotate.remaining(0.0) == 0.0 and not rotate.due(1e9)
    rotate.start(1000.0, 30)
    assert rotate.running
    assert rotate.remaining(1000.0) == 30.0
    assert rotate.remaining(1012.5) == 17.5
    assert not rotate.due(1029.9)
    assert rotate.due(1030.0)
    assert rotate.remaining(1031.0) == 0.0  # never negative on screen
    assert rotate.advance(1031.0, rundown, "A") == "B"
    # The next job gets its full time from the late tick, not from the old deadline.
    assert rotate.remaining(1031.0) == 30.0 and not rotate.due(1060.0) and rotate.due(1061.0)
    assert rotate.advance(1061.0, rundown, "C") == "A"  # wraps round


def test_manual_take_pauses_and_resume_gives_a_full_interval():
    rundown = Rundown(["A", "B", "C"])
    rotate = AutoRotate()
    rotate.start(0.0, 60)
    rotate.manual_take()
    assert rotate.paused and rotate.state is RotateState.PAUSED
    assert not rotate.due(500.0)
    assert rotate.remaining(500.0) == 60.0  # the countdown shows what resuming will give
    assert rotate.advance(500.0, rundown, "A") is None  # no rotation while paused
    rotate.resume(700.0)
    assert rotate.running and rotate.remaining(710.0) == 50.0
    assert rotate.due(760.0) and rotate.advance(760.0, rundown, "B") == "C"


def test_pause_and_resume_are_no_ops_out_of_turn():
    rotate = AutoRotate()
    rotate.pause()
    rotate.resume(5.0)
    assert rotate.state is RotateState.STOPPED
    rotate.start(0.0, 10)
    rotate.resume(5.0)  # resuming a running clock does not restart it
    assert rotate.remaining(5.0) == 5.0
    rotate.stop()
    assert rotate.state is RotateState.STOPPED and rotate.remaining(5.0) == 0.0
    assert not rotate.due(100.0)


def test_rotation_skips_closed_jobs():
    rundown = Rundown(["A", "B", "C", "D"])
    open_codes = {"A", "D"}
    rotate = AutoRotate()
    rotate.start(0.0, 5)
    assert rotate.advance(5.0, rundown, "A", open_codes) == "D"
    assert rotate.advance(10.0, rundown, "D", lambda code: code in open_codes) == "A"
    # Everything closed: nothing to take, but the clock keeps going for when one reopens.
    assert rotate.advance(15.0, rundown, "A", set()) is None
    assert rotate.running and rotate.remaining(15.0) == 5.0
    assert rotate.advance(20.0, rundown, "A", {"C"}) == "C"


def test_restart_with_a_new_interval():
    rotate = AutoRotate()
    rotate.start(0.0, 30)
    rotate.start(10.0, 120)
    assert rotate.interval_s == 120.0 and rotate.remaining(10.0) == 120.0
