"""The PyTorch PPO example trains a few thousand steps, exports ONNX, and `openg2g run` with the `rl` controller on
that ONNX model takes the PyTorch policy's actions (greedy) on the same observations."""
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from conftest import REPO, need

torch = need("torch")
sys.path.insert(0, str(REPO / "python" / "examples"))
import ppo_torch  # noqa: E402

import openg2g  # noqa: E402

OVERRIDES = ["duration_s=300", "grid.source_pu=0.97"]


def test_the_exported_policy_runs_in_openg2g_run_with_the_pytorch_policys_actions(ieee13, binary, tmp_path):
    policy, sizes, onnx = ppo_torch.train(ieee13, OVERRIDES, envs=4, total_steps=4096, rollout=256, seed=3,
                                          out=tmp_path / "ppo", log=lambda line: None)
    assert onnx.stat().st_size > 0

    # The PyTorch policy acting greedily in the environment, through the bridge.
    actions, switches = [], 0
    with openg2g.make(ieee13, overrides=OVERRIDES) as env:
        obs, _ = env.reset(seed=17)
        while True:
            a = ppo_torch.greedy(policy, obs, sizes)
            actions.append(a)
            obs, _, term, trunc, info = env.step(a)
            switches += int(info["switches"])
            if term or trunc:
                summary = info["summary"]
                break
    assert len(actions) == 300
    assert len({tuple(a) for a in actions}) > 1, "the policy's choices vary, so the comparison covers more than one action"

    # The same policy inside `openg2g run`, from the ONNX file, greedy.
    controllers = f"controllers=[{{name: rl, type: rl, period_s: 1, policy: {onnx}, action_selection: greedy}}]"
    out = tmp_path / "run"
    args = binary + ["run", ieee13, "--seed", "17", "--out", str(out), "--quiet", "--no-plots"]
    for o in OVERRIDES + [controllers, "outputs.bus_voltages=false"]:
        args += ["--set", o]
    p = subprocess.run(args, capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    run = json.loads((out / "summary.json").read_text())
    # Every step's action changes batch sizes and so the voltages and the service metrics: the same summary (all
    # keys but the wall time, floats exact) and the same number of batch commands mean the C# policy took the
    # PyTorch policy's action at every step.
    del run["run"]["wall_time_s"]
    del summary["run"]["wall_time_s"]
    assert run == summary
    assert run["run"]["commands"] == switches > 0
