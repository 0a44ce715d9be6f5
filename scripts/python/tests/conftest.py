"""Fixtures: processes of a given newsbus binary, always stopped after the test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsbus_testing import start_role  # noqa: E402,F401  (fixture)


@pytest.fixture
def broker(start_role) -> str:
    """A running `newsbus broker` on a free 127.0.0.1 port; returns its endpoint."""
    role = start_role("broker", "--bind", "tcp://127.0.0.1:0")
    return role.wait_for_log(r"listening on (tcp://127\.0\.0\.1:\d+)").group(1)
