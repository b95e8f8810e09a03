"""openg2g.run and openg2g.sweep call the CLI and return its results."""
import json
from pathlib import Path

import pytest

import openg2g
from conftest import REPO

try:
    import pandas
except ImportError:
    pandas = None


def test_run_returns_the_runs_summary(binary, tmp_path):
    out = tmp_path / "run"
    result = openg2g.run(REPO / "scenarios" / "ieee13" / "ofo.yaml", out=str(out), seed=4, duration_s=30,
                         overrides={"grid.source_pu": 0.97, "outputs.bus_voltages": False})
    written = json.loads((out / "summary.json").read_text())
    assert written["run"]["seed"] == 4
    assert written["run"]["simulated_time_s"] == 30
    if pandas is None:
        assert isinstance(result, openg2g.RunResult)
        assert result.summary == written
        assert result.path == out
    else:
        assert list(result.index) == [0]
        assert result["voltage.violation_time_s"][0] == written["voltage"]["violation_time_s"]
        assert result["run.seed"][0] == 4
        assert result.attrs["path"] == str(out)


def test_run_reports_the_clis_error(binary, tmp_path):
    with pytest.raises(openg2g.OpenG2GError, match=r"openg2g run .* failed \(exit code 2\):.*duration_s"):
        openg2g.run(REPO / "scenarios" / "ieee13" / "ofo.yaml", out=str(tmp_path / "bad"), duration_s="soon")


def test_sweep_returns_its_results_table_or_its_folder(binary, tmp_path):
    out = tmp_path / "sweep"
    result = openg2g.sweep(REPO / "scenarios" / "sweeps" / "smoke.yaml", out=str(out), workers=2)
    parts = sorted((out / "summary").glob("*.parquet"))
    assert parts, "the sweep wrote its results table"
    try:
        pandas.read_parquet(parts[0])
        readable = True
    except (AttributeError, ImportError):
        readable = False
    if readable:
        assert len(result) == 8
    else:
        assert result == out / "summary"
