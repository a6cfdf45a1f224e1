"""Catch hangs (catastrophic backtracking, quadratic loops on hostile input) without timing anything.

Speed is measured by benchmarks/, never asserted in tests. A watchdog only turns a hang into a failure:
the limit is many times what the work takes on the slowest machine we know.
"""

from __future__ import annotations

import contextlib
import signal

import pytest


@contextlib.contextmanager
def no_hang(seconds: int = 60, what: str = "the call"):
    def expired(signum, frame):
        pytest.fail(f"{what} did not finish within {seconds} s: a hang, not a slow machine")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
