"""OpenG2G for .NET from Python: Gymnasium-compatible environments over ``openg2g env serve`` and helpers
around ``openg2g run`` and ``openg2g sweep``. See docs/python.md."""
from __future__ import annotations

from typing import Optional

from ._binary import find_binary
from ._errors import OpenG2GError, ProtocolError, SimulationError
from ._protocol import INFO_NAMES, VERSION as PROTOCOL_VERSION
from .env import OpenG2GEnv
from .runner import RunResult, run, sweep
from .spaces import HAVE_GYMNASIUM
from .vector import OpenG2GVectorEnv

__version__ = "0.1.0"

__all__ = [
    "make", "make_vec", "run", "sweep", "find_binary", "OpenG2GEnv", "OpenG2GVectorEnv", "RunResult",
    "OpenG2GError", "ProtocolError", "SimulationError", "INFO_NAMES", "PROTOCOL_VERSION", "HAVE_GYMNASIUM",
]


def make(scenario: str, overrides=None, binary: Optional[str] = None) -> OpenG2GEnv:
    """One environment of ``scenario`` (a scenario YAML file; its controllers are replaced by the agent).
    ``overrides`` (``{"duration_s": 600}`` or ``["duration_s=600"]``) apply to every episode."""
    return OpenG2GEnv(scenario, overrides=overrides, binary=binary)


def make_vec(scenario: str, n: int, overrides=None, workers: Optional[int] = None,
             binary: Optional[str] = None) -> OpenG2GVectorEnv:
    """``n`` environments of ``scenario`` in one server, stepped together in parallel (``workers`` threads,
    default one per core)."""
    return OpenG2GVectorEnv(scenario, n, overrides=overrides, workers=workers, binary=binary)
