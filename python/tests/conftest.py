"""Shared fixtures. The tests need numpy and a built openg2g (dotnet build OpenG2G.Cli -c Release, or
OPENG2G_BIN); outside CI they skip with the reason when either is missing, in CI (CI=true) they fail."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "python"))
IN_CI = os.environ.get("CI", "").lower() == "true"


def need(module: str):
    """Import ``module`` or skip (fail in CI) saying it is missing."""
    try:
        return __import__(module)
    except ImportError:
        message = f"{module} is not installed (Debian: apt-get install python3-{module})"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


need("numpy")
import openg2g  # noqa: E402


@pytest.fixture(scope="session")
def binary():
    try:
        return openg2g.find_binary()
    except openg2g.OpenG2GError as e:
        if IN_CI:
            pytest.fail(str(e))
        pytest.skip(str(e))


@pytest.fixture(scope="session")
def ieee13():
    return str(REPO / "scenarios" / "ieee13" / "baseline.yaml")


@pytest.fixture
def play(binary, tmp_path):
    """Run ``openg2g env play`` (the environment in one C# process, no bridge) and return its folder."""
    def run(scenario, actions, seed, overrides=()):
        import numpy as np
        folder = tmp_path / f"play-{seed}"
        actions_file = tmp_path / f"actions-{seed}.i32"
        np.ascontiguousarray(actions, dtype="<i4").tofile(actions_file)
        args = binary + ["env", "play", scenario, "--actions", str(actions_file), "--out", str(folder), "--seed", str(seed)]
        for o in overrides:
            args += ["--set", o]
        p = subprocess.run(args, capture_output=True, text=True)
        assert p.returncode == 0, p.stderr
        return folder
    return run
