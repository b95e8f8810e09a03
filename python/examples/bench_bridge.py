"""Environment steps per second through the bridge (``openg2g env serve`` over pipes), single and batched.

    python3 python/examples/bench_bridge.py [--envs 1 8] [--repeats 7]

The same work as bench/OpenG2G.Benchmarks/Learning/BridgeBaselineBenchmarks.cs (the in-process figure): K
environments of IEEE 13 (baseline.yaml with the agent, 600 s episodes, 1 s steps), reset before each repeat
(not timed), then 600 batched steps with the action "stay". Prints the median over the repeats.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "python"))
import openg2g  # noqa: E402

STEPS = 600


def measure(k: int, repeats: int, scenario: str):
    with openg2g.make_vec(scenario, k, overrides={"duration_s": STEPS}) as vec:
        stay = np.ones((k, vec.single_action_space.shape[0]), np.int32)
        vec.autoreset = False
        rates, resets = [], []
        for r in range(repeats + 1):  # the first repeat warms up the server (JIT) and is dropped
            started = time.perf_counter()
            vec.reset(seed=1000 * r)
            reset = time.perf_counter() - started
            started = time.perf_counter()
            for _ in range(STEPS):
                vec.step(stay)
            elapsed = time.perf_counter() - started
            if r > 0:
                rates.append(k * STEPS / elapsed)
                resets.append(reset)
    return rates, resets


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--envs", type=int, nargs="+", default=[1, 8])
    p.add_argument("--repeats", type=int, default=7)
    p.add_argument("--scenario", default=str(ROOT / "scenarios" / "ieee13" / "baseline.yaml"))
    a = p.parse_args(argv)
    for k in a.envs:
        rates, resets = measure(k, a.repeats, a.scenario)
        print(f"K={k}: median {statistics.median(rates):,.0f} env steps/s (min {min(rates):,.0f}, max {max(rates):,.0f}, "
              f"{a.repeats} repeats of {STEPS} batched steps); reset of all K (a fresh build each): median "
              f"{1000 * statistics.median(resets):.0f} ms")


if __name__ == "__main__":
    main()
