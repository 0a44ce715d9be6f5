"""Puts scripts/python on the path (shared test helpers, the client)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts" / "python"))
