"""A Gymnasium-compatible environment over one environment of ``openg2g env serve``."""
from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np

from . import spaces as _spaces
from ._errors import OpenG2GError, SimulationError
from ._protocol import INFO_NAMES, ServerProcess, observation_bounds

try:  # pragma: no cover - depends on the environment
    import gymnasium as _gym
    _EnvBase = _gym.Env
except ImportError:
    _EnvBase = object

_MAX_SEED = 2 ** 64 - 1


def overrides_of(values) -> List[str]:
    """``--set``-style overrides from a list of ``"path=value"`` strings or a mapping of path to value."""
    if values is None:
        return []
    if isinstance(values, dict):
        return [f"{k}={_text(v)}" for k, v in values.items()]
    if isinstance(values, str):
        return [values]
    out = [str(v) for v in values]
    for v in out:
        if "=" not in v or "\n" in v:
            raise OpenG2GError(f"override {v!r} is not of the form path=value (one line)")
    return out


def _text(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(v)
    return str(v)


def seed_of(seed) -> int:
    s = int(seed)
    if s != seed or not 0 <= s <= _MAX_SEED:
        raise OpenG2GError(f"seed must be a whole number from 0 to 2^64-1, got {seed!r}")
    return s


def spaces_of(server: ServerProcess):
    low, high = observation_bounds(server.spaces)
    observation = _spaces.box(low, high, shape=(server.observation_size,))
    action = _spaces.multi_discrete(server.spaces["spaces"]["action"]["sizes"])
    return observation, action


class OpenG2GEnv(_EnvBase):
    """One OpenG2G RL environment (docs/rl.md) in a child ``openg2g env serve`` process.

    ``reset(seed=None, options=None)`` starts an episode: ``seed`` (0..2^64-1) seeds the simulation; without
    one the episode seed is drawn from the environment's generator (seeded by the last given seed).
    ``options={"overrides": {...}}`` (or a list of ``"path=value"``) changes the scenario for that episode.
    ``step(action)`` takes one choice per action dimension (0 down, 1 stay, 2 up) and returns
    ``(observation, reward, terminated, truncated, info)``; ``info`` holds the step's measurements and, when the
    episode ends, ``summary`` (the run's summary.json as a dict). ``close()`` stops the server process.
    """

    metadata = {"render_modes": []}
    render_mode = None

    def __init__(self, scenario: str, overrides=None, binary: Optional[str] = None, _server: Optional[ServerProcess] = None):
        self._server = _server or ServerProcess(scenario, 1, overrides_of(overrides), binary=binary)
        self.observation_space, self.action_space = spaces_of(self._server)
        self.observation_names = list(self._server.spaces["spaces"]["observation"]["names"])
        self.action_names = list(self._server.spaces["spaces"]["action"]["names"])
        self.max_episode_steps = self._server.max_episode_steps
        self.spaces_json = self._server.spaces
        self._generator = np.random.default_rng()
        self._action = np.empty((1, self._server.action_size), dtype=np.int32)

    @property
    def server(self) -> ServerProcess:
        return self._server

    def reset(self, *, seed: Optional[int] = None, options: Optional[Dict[str, Any]] = None) -> Tuple[np.ndarray, Dict]:
        if seed is not None:
            episode = seed_of(seed)
            self._generator = np.random.default_rng(episode)
        else:
            episode = int(self._generator.integers(0, _MAX_SEED, dtype=np.uint64, endpoint=True))
        overrides = overrides_of((options or {}).get("overrides"))
        obs = self._server.reset([(0, episode, overrides)])
        return obs[0], {"seed": episode}

    def step(self, action) -> Tuple[np.ndarray, float, bool, bool, Dict]:
        a = np.asarray(action)
        if a.shape != (self._server.action_size,):
            raise OpenG2GError(f"action must have shape ({self._server.action_size},), one choice per dimension "
                               f"({', '.join(self.action_names)}), got shape {a.shape}")
        self._action[0] = a
        r = self._server.step(self._action)
        if r.failed[0]:
            raise SimulationError(r.texts[0])
        info = dict(zip(INFO_NAMES, r.info[0].tolist()))
        if r.texts[0]:
            info["summary"] = json.loads(r.texts[0])
        return r.observations[0], float(r.rewards[0]), bool(r.terminated[0]), bool(r.truncated[0]), info

    def render(self):
        return None

    def close(self):
        self._server.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
