"""The project root importable: tests share `tests.responses` and `tests.spiders.incident`."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # plain `pytest` (unlike `python -m pytest`) does not add the cwd
    sys.path.insert(0, str(ROOT))
