"""Fixtures: processes of a given newsbus binary, always stopped after the test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsbus_testing import Role, newsbus_binary  # noqa: E402


@pytest.fixture
def start_role(tmp_path: Path):
    """start_role(name, *args) runs `newsbus name args...`; every started role is stopped after the test."""
    roles: list[Role] = []
    binary = newsbus_binary()

    def start(name: str, *args: str) -> Role:
        role = Role([str(binary), name, *args], tmp_path / f"{name}-{len(roles)}.log")
        roles.append(role)
        return role

    yield start
    for role in reversed(roles):
        role.stop()


@pytest.fixture
def broker(start_role) -> str:
    """A running `newsbus broker` on a free 127.0.0.1 port; returns its endpoint."""
    role = start_role("broker", "--bind", "tcp://127.0.0.1:0")
    return role.wait_for_log(r"listening on (tcp://127\.0\.0\.1:\d+)").group(1)
