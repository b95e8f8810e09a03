"""Observation and action spaces: gymnasium.spaces objects when gymnasium is installed, else these minimal twins.

The minimal classes have the members code usually reads from gymnasium's: ``shape``, ``dtype``, ``low`` and
``high`` (Box), ``nvec`` (MultiDiscrete), ``sample()``, ``contains(x)`` and ``seed(n)``.
"""
from __future__ import annotations

from typing import Optional, Sequence

import numpy as np

try:  # pragma: no cover - depends on the environment
    import gymnasium as _gym
except ImportError:  # gymnasium is optional
    _gym = None

HAVE_GYMNASIUM = _gym is not None


class Box:
    """A box of float values, each between its low and high (infinite where unbounded)."""

    def __init__(self, low, high, shape: Optional[Sequence[int]] = None, dtype=np.float32, seed=None):
        self.dtype = np.dtype(dtype)
        shape = tuple(shape) if shape is not None else np.shape(low)
        self.low = np.broadcast_to(np.asarray(low, dtype=self.dtype), shape).copy()
        self.high = np.broadcast_to(np.asarray(high, dtype=self.dtype), shape).copy()
        self.shape = shape
        self._rng = np.random.default_rng(seed)

    def seed(self, seed=None):
        self._rng = np.random.default_rng(seed)
        return [seed]

    def sample(self) -> np.ndarray:
        """Uniform where bounded on both sides, exponential from a finite end, normal where unbounded."""
        low, high = self.low.astype(np.float64), self.high.astype(np.float64)
        out = self._rng.normal(size=self.shape)
        both = np.isfinite(low) & np.isfinite(high)
        out[both] = self._rng.uniform(low[both], high[both])
        lower = np.isfinite(low) & ~np.isfinite(high)
        out[lower] = low[lower] + self._rng.exponential(size=int(lower.sum()))
        upper = ~np.isfinite(low) & np.isfinite(high)
        out[upper] = high[upper] - self._rng.exponential(size=int(upper.sum()))
        return out.astype(self.dtype)

    def contains(self, x) -> bool:
        x = np.asarray(x)
        return x.shape == self.shape and bool(np.all(x >= self.low) and np.all(x <= self.high))

    __contains__ = contains

    def __repr__(self) -> str:
        return f"Box(shape={self.shape}, dtype={self.dtype})"


class MultiDiscrete:
    """One choice per dimension: dimension i takes an integer in [0, nvec[i])."""

    def __init__(self, nvec, dtype=np.int64, seed=None):
        self.nvec = np.asarray(nvec, dtype=dtype)
        self.dtype = np.dtype(dtype)
        self.shape = self.nvec.shape
        self._rng = np.random.default_rng(seed)

    def seed(self, seed=None):
        self._rng = np.random.default_rng(seed)
        return [seed]

    def sample(self) -> np.ndarray:
        return (self._rng.random(self.shape) * self.nvec).astype(self.dtype)

    def contains(self, x) -> bool:
        x = np.asarray(x)
        return (x.shape == self.shape and np.issubdtype(x.dtype, np.integer)
                and bool(np.all(x >= 0) and np.all(x < self.nvec)))

    __contains__ = contains

    def __repr__(self) -> str:
        return f"MultiDiscrete({self.nvec.tolist()})"


def box(low, high, shape=None):
    """A float32 box: gymnasium's when it is installed."""
    if _gym is not None:
        return _gym.spaces.Box(low=np.asarray(low, np.float32), high=np.asarray(high, np.float32),
                               shape=None if shape is None else tuple(shape), dtype=np.float32)
    return Box(low, high, shape, np.float32)


def multi_discrete(nvec):
    """An int64 multi-discrete space: gymnasium's when it is installed."""
    if _gym is not None:
        return _gym.spaces.MultiDiscrete(np.asarray(nvec, np.int64))
    return MultiDiscrete(nvec)
