"""Test helpers shared by scripts/python/tests and deploy/tests: the newsbus binary and its processes."""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

import pytest

#: The repository root.
ROOT = Path(__file__).resolve().parents[2]


def newsbus_binary() -> Path:
    """$NEWSBUS_BIN or $NEWSBUS (as scripts/cluster uses), else .build/debug or .build/release;
    fails clearly when none exists."""
    candidates = [os.environ.get("NEWSBUS_BIN", ""), os.environ.get("NEWSBUS", "")] + [
        str(ROOT / ".build" / kind / "newsbus") for kind in ("debug", "release")]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return Path(candidate)
    pytest.fail("no newsbus binary: run `swift build --product newsbus` or set NEWSBUS_BIN")


def has_subcommand(binary: Path, name: str) -> bool:
    """Whether this newsbus build has `name` (e.g. aggregator, while roles are being wired)."""
    result = subprocess.run([str(binary), name, "--help"], capture_output=True, text=True, timeout=60)
    # An unknown subcommand's --help prints the root help (status 0), so look at the usage line.
    return result.returncode == 0 and f"USAGE: newsbus {name}" in result.stdout


class Role:
    """A newsbus process whose stderr goes to a file; stopped (SIGTERM, then SIGKILL) at teardown."""

    def __init__(self, args: list[str], log: Path):
        self.log = log
        self._file = log.open("wb")
        self.process = subprocess.Popen(args, stdout=self._file, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL)

    def wait_for_log(self, pattern: str, timeout: float = 60.0) -> re.Match[str]:
        """Waits (deadline, not a fixed sleep) until the log matches `pattern`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            match = re.search(pattern, self.log.read_text(errors="replace"))
            if match:
                return match
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        pytest.fail(f"{self.log.name}: no {pattern!r} within {timeout:g} s (exit {self.process.poll()}):\n"
                    + self.log.read_text(errors="replace")[-3000:])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._file.close()


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
