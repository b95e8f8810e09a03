"""``openg2g run`` and ``openg2g sweep`` from Python."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Dict, Optional, Sequence, Union

from ._binary import find_binary
from ._errors import OpenG2GError
from .env import overrides_of, seed_of

try:  # pragma: no cover - depends on the environment
    import pandas as _pd
except ImportError:
    _pd = None


def _call(args: Sequence[str], binary: Optional[str]) -> subprocess.CompletedProcess:
    command = find_binary(binary) + list(args)
    p = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        raise OpenG2GError(f"openg2g {' '.join(args[:2])} failed (exit code {p.returncode}): {p.stderr.strip()}")
    return p


def _flatten(summary: Dict, prefix: str = "") -> Dict:
    out = {}
    for k, v in summary.items():
        key = prefix + k
        if isinstance(v, dict):
            out.update(_flatten(v, key + "."))
        elif not isinstance(v, list):
            out[key] = v
    return out


class RunResult:
    """A finished ``openg2g run``: its folder, its summary and its tables (DataFrames when pandas can read Parquet)."""

    def __init__(self, path: Path):
        self.path = path
        with open(path / "summary.json", encoding="utf-8") as f:
            self.summary = json.load(f)

    def table(self, name: str):
        """Time series ``name`` (e.g. ``bus_voltages``): a DataFrame when pandas has a Parquet engine, else its path."""
        file = self.path / (name if name.endswith(".parquet") else name + ".parquet")
        if not file.exists():
            known = sorted(p.stem for p in self.path.glob("*.parquet"))
            raise OpenG2GError(f"{self.path} has no table {name!r}; tables: {', '.join(known)}")
        return _read_parquet(file)

    def __repr__(self) -> str:
        return f"RunResult({str(self.path)!r})"


def run(scenario: Union[str, os.PathLike], out: Optional[str] = None, seed: Optional[int] = None,
        overrides=None, plots: bool = False, binary: Optional[str] = None, **keys):
    """Run a scenario with ``openg2g run``; keyword arguments are top-level overrides (``duration_s=60``) and
    ``overrides`` takes any others (``{"grid.source_pu": 0.97}``).

    Returns the summary as a one-row DataFrame (flattened keys such as ``voltage.violation_time_s``, with the
    run folder in ``attrs["path"]`` and the ``RunResult`` in ``attrs["result"]``) when pandas is installed;
    otherwise the ``RunResult`` (folder ``path``, ``summary`` dict, ``table(name)``).
    """
    args = ["run", os.fspath(scenario), "--quiet"]
    if out is not None:
        args += ["--out", os.fspath(out)]
    if seed is not None:
        args += ["--seed", str(seed_of(seed))]
    if not plots:
        args.append("--no-plots")
    for o in overrides_of(overrides) + overrides_of(keys):
        args += ["--set", o]
    _call(args, binary)
    folder = Path(out) if out is not None else Path("runs") / Path(scenario).stem
    result = RunResult(folder)
    if _pd is None:
        return result
    frame = _pd.DataFrame([_flatten(result.summary)])
    frame.attrs["path"] = str(folder)
    frame.attrs["result"] = result
    return frame


def sweep(sweep_file: Union[str, os.PathLike], out: Optional[str] = None, workers: Optional[int] = None,
          resume: bool = False, binary: Optional[str] = None):
    """Run a sweep with ``openg2g sweep``; returns its results table (``DIR/summary``, docs/sweeps.md) as a
    DataFrame when pandas has a Parquet engine (pyarrow or fastparquet), otherwise the path of that folder."""
    args = ["sweep", os.fspath(sweep_file), "--quiet"]
    if out is not None:
        args += ["--out", os.fspath(out)]
    if workers is not None:
        args += ["--workers", str(int(workers))]
    if resume:
        args.append("--resume")
    _call(args, binary)
    folder = Path(out) if out is not None else Path("sweeps") / Path(sweep_file).stem
    return _read_parquet(folder / "summary")


def _read_parquet(path: Path):
    if _pd is None:
        return path
    try:
        return _pd.read_parquet(path)
    except ImportError:
        return path
