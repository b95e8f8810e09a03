"""A vector environment over K environments of one ``openg2g env serve`` process (one batched step per call)."""
from __future__ import annotations

import json
from typing import Any, Dict, Optional, Sequence, Tuple

import numpy as np

from . import spaces as _spaces
from ._errors import OpenG2GError, SimulationError
from ._protocol import INFO_NAMES, ServerProcess, observation_bounds
from .env import _MAX_SEED, overrides_of, seed_of

try:  # pragma: no cover - depends on the environment
    import gymnasium as _gym
    _VectorBase = _gym.vector.VectorEnv
except (ImportError, AttributeError):
    _VectorBase = object


class OpenG2GVectorEnv(_VectorBase):
    """K OpenG2G environments stepped together by the server, in parallel over its cores.

    ``reset(seed=s)`` seeds environment i with ``s + i`` (or ``seed`` may be a list of K seeds); later episodes
    started by the automatic reset draw their seeds from a generator seeded by ``s``, so a seeded run is
    reproducible. ``step(actions)`` takes actions [K, action dimensions] and returns arrays over the K
    environments. An environment whose episode ended is reset in the same call (Gymnasium's same-step
    autoreset): its row of the returned observations is the new episode's first, and ``info["final_obs"]``
    and ``info["final_info"]`` (with ``_final_obs``/``_final_info`` masks) hold the ended episode's last
    observation and its info (``summary`` among them).
    """

    metadata = {"render_modes": [], "autoreset_mode": "SameStep"}
    render_mode = None

    def __init__(self, scenario: str, num_envs: int, overrides=None, workers: Optional[int] = None,
                 binary: Optional[str] = None):
        if int(num_envs) < 1:
            raise OpenG2GError(f"num_envs must be at least 1, got {num_envs}")
        self._server = ServerProcess(scenario, int(num_envs), overrides_of(overrides), workers=workers, binary=binary)
        s = self._server
        self.num_envs = s.count
        low, high = observation_bounds(s.spaces)
        sizes = s.spaces["spaces"]["action"]["sizes"]
        self.single_observation_space = _spaces.box(low, high, shape=(s.observation_size,))
        self.single_action_space = _spaces.multi_discrete(sizes)
        self.observation_space = _spaces.box(np.tile(low, (s.count, 1)), np.tile(high, (s.count, 1)), shape=(s.count, s.observation_size))
        self.action_space = _spaces.multi_discrete(np.tile(np.asarray(sizes), (s.count, 1)))
        self.observation_names = list(s.spaces["spaces"]["observation"]["names"])
        self.action_names = list(s.spaces["spaces"]["action"]["names"])
        self.max_episode_steps = s.max_episode_steps
        self.spaces_json = s.spaces
        self._generator = np.random.default_rng()
        self._overrides = [[] for _ in range(s.count)]
        self.autoreset = True

    @property
    def server(self) -> ServerProcess:
        return self._server

    def reset(self, *, seed=None, options: Optional[Dict[str, Any]] = None) -> Tuple[np.ndarray, Dict]:
        k = self.num_envs
        if seed is None:
            seeds = [self._draw() for _ in range(k)]
        elif np.ndim(seed) == 0:
            base = seed_of(seed)
            self._generator = np.random.default_rng(base)
            seeds = [seed_of((base + i) % (_MAX_SEED + 1)) for i in range(k)]
        else:
            seeds = [seed_of(x) for x in seed]
            if len(seeds) != k:
                raise OpenG2GError(f"give one seed per environment ({k}), got {len(seeds)}")
            self._generator = np.random.default_rng(seeds)
        overrides = (options or {}).get("overrides")
        if isinstance(overrides, (list, tuple)) and overrides and isinstance(overrides[0], (list, tuple, dict)):
            if len(overrides) != k:
                raise OpenG2GError(f"give one override set per environment ({k}), got {len(overrides)}")
            self._overrides = [overrides_of(o) for o in overrides]
        else:
            self._overrides = [overrides_of(overrides)] * k
        obs = self._server.reset([(i, seeds[i], self._overrides[i]) for i in range(k)])
        return obs, {"seed": np.asarray(seeds, dtype=np.uint64)}

    def step(self, actions) -> Tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, Dict]:
        a = np.asarray(actions)
        expected = (self.num_envs, self._server.action_size)
        if a.shape != expected:
            raise OpenG2GError(f"actions must have shape {expected} (environments, action dimensions), got {a.shape}")
        r = self._server.step(a)
        if r.failed.any():
            i = int(np.flatnonzero(r.failed)[0])
            raise SimulationError(f"environment {i}: {r.texts[i]}")
        info: Dict[str, Any] = {name: r.info[:, j].copy() for j, name in enumerate(INFO_NAMES)}
        done = r.terminated | r.truncated
        obs = r.observations
        if done.any() and self.autoreset:
            ended = np.flatnonzero(done)
            final_obs = np.empty(self.num_envs, dtype=object)
            final_info = np.empty(self.num_envs, dtype=object)
            for i in ended:
                final_obs[i] = obs[i].copy()
                row = {name: float(r.info[i, j]) for j, name in enumerate(INFO_NAMES)}
                row["summary"] = json.loads(r.texts[i])
                final_info[i] = row
            fresh = self._server.reset([(int(i), self._draw(), self._overrides[i]) for i in ended])
            obs[ended] = fresh
            info.update(final_obs=final_obs, _final_obs=done.copy(), final_info=final_info, _final_info=done.copy())
        elif done.any():
            info["summary"] = np.array([json.loads(t) if t else None for t in r.texts], dtype=object)
        return obs, r.rewards, r.terminated, r.truncated, info

    def _draw(self) -> int:
        return int(self._generator.integers(0, _MAX_SEED, dtype=np.uint64, endpoint=True))

    def render(self):
        return None

    def close(self, **kwargs):
        self._server.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
