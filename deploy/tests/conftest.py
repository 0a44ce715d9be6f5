"""Puts scripts/python on the path (shared test helpers, the client) and shares its fixtures."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts" / "python"))

from newsbus_testing import start_role  # noqa: E402,F401  (fixture)
