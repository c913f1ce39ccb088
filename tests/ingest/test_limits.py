"""The time limit per document holds even when its first signal lands where Python drops exceptions."""

from __future__ import annotations

import time

import pytest

from igr.ingest.services.limits import TimeLimitError, time_limit


class Finalised:
    """Its finaliser runs when the alarm fires: an exception raised there is printed and dropped."""

    def __del__(self) -> None:
        time.sleep(0.4)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_the_limit_fires_again_when_its_first_error_is_dropped_in_a_finaliser():
    deadline = time.monotonic() + 10
    with pytest.raises(TimeLimitError), time_limit(0.2):
        Finalised()  # dropped at once: the alarm fires in its finaliser
        while time.monotonic() < deadline:
            sum(range(1000))
    assert time.monotonic() < deadline


def test_a_block_that_ends_in_time_is_left_alone():
    with time_limit(5):
        total = sum(range(1000))
    time.sleep(0.1)
    assert total == 499500
