"""The layers of docs/architecture.md hold: `make lint`'s import contract, run by the suite
so that CI enforces it too."""

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT


def test_no_layer_imports_one_above_it():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=REPO_ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout
