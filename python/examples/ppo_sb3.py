"""PPO from stable-baselines3 on OpenG2G, exported to ONNX for the `rl` controller.

For users who have gymnasium, stable-baselines3 and onnx installed (pip install gymnasium stable-baselines3 onnx;
not available on the project's CI machine, so this file is documented, not tested there):

    python3 python/examples/ppo_sb3.py --total-steps 200000 --out runs/ppo-sb3

stable-baselines3 takes a single Gymnasium environment (or its own vector wrapper); ``openg2g.make`` gives one
whose spaces are gymnasium.spaces when gymnasium is installed. The exported graph follows docs/rl.md's ONNX
convention: raw observation in, logits out (sb3's MultiDiscrete policy outputs one block of logits per dimension).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import openg2g  # noqa: E402
from ppo_torch import add_metadata  # noqa: E402


class Logits(torch.nn.Module):
    """sb3's policy from raw observation to action logits (its own preprocessing included)."""

    def __init__(self, policy):
        super().__init__()
        self.policy = policy

    def forward(self, observation):
        features = self.policy.extract_features(observation)
        latent_pi, _ = self.policy.mlp_extractor(features)
        return self.policy.action_net(latent_pi)


def main(argv=None):
    from stable_baselines3 import PPO

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--scenario", default="scenarios/ieee13/baseline.yaml")
    p.add_argument("--total-steps", type=int, default=200_000)
    p.add_argument("--out", default="runs/ppo-sb3")
    a = p.parse_args(argv)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    env = openg2g.make(a.scenario)
    try:
        model = PPO("MlpPolicy", env, seed=0, verbose=1)
        model.learn(total_timesteps=a.total_steps)
        model.save(out / "sb3-ppo")
        graph = Logits(model.policy).eval()
        path = out / "policy.onnx"
        torch.onnx.export(graph, torch.zeros(1, env.observation_space.shape[0]), str(path), input_names=["observation"],
                          output_names=["logits"], dynamic_axes={"observation": {0: "batch"}, "logits": {0: "batch"}},
                          opset_version=13)
        add_metadata(str(path), "openg2g_spaces", json.dumps(env.spaces_json))
        print(f"wrote {path}; run it with: openg2g run {a.scenario} --set "
              f"'controllers=[{{name: rl, type: rl, period_s: 1, policy: {path.resolve()}}}]'")
    finally:
        env.close()


if __name__ == "__main__":
    main()
