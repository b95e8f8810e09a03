"""Short PPO in PyTorch on OpenG2G's vector environment, exported to ONNX for the `rl` controller.

    python3 python/examples/ppo_torch.py --scenario scenarios/ieee13/baseline.yaml --total-steps 20000 --out runs/ppo-torch

writes ``policy.onnx`` in the layout docs/rl.md#onnx-convention describes (one float32 input [batch, obs] of raw
observations, normalisation inside the graph; float32 logits [batch, sum of action sizes]; the spaces in the
``openg2g_spaces`` metadata), so it runs inside ``openg2g run`` with

    controllers: [{name: rl, type: rl, period_s: 1, policy: runs/ppo-torch/policy.onnx}]

Needs numpy and torch (Debian: python3-torch); no other package.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import openg2g  # noqa: E402


class RunningMoments:
    """Mean and variance of the observations seen, for normalisation (baked into the exported graph)."""

    def __init__(self, size):
        self.mean = np.zeros(size)
        self.var = np.ones(size)
        self.count = 1e-4

    def update(self, x):
        m, v, n = x.mean(0), x.var(0), x.shape[0]
        delta, total = m - self.mean, self.count + n
        self.mean = self.mean + delta * n / total
        self.var = (self.var * self.count + v * n + delta ** 2 * self.count * n / total) / total
        self.count = total


class Policy(nn.Module):
    """Normalisation, then a tanh MLP to one block of logits per action dimension."""

    def __init__(self, obs_size, logits, hidden=64):
        super().__init__()
        self.register_buffer("mean", torch.zeros(obs_size))
        self.register_buffer("std", torch.ones(obs_size))
        self.net = nn.Sequential(nn.Linear(obs_size, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(), nn.Linear(hidden, logits))

    def forward(self, observation):
        x = torch.clamp((observation - self.mean) / self.std, -10.0, 10.0)
        return self.net(x)


def blocks(logits, sizes):
    return torch.split(logits, list(sizes), dim=-1)


def sample(logits, sizes, generator):
    acts, logp, entropy = [], 0.0, 0.0
    for block in blocks(logits, sizes):
        d = torch.distributions.Categorical(logits=block)
        a = torch.multinomial(torch.softmax(block, -1), 1, generator=generator).squeeze(-1)
        acts.append(a)
        logp = logp + d.log_prob(a)
        entropy = entropy + d.entropy()
    return torch.stack(acts, -1), logp, entropy


def evaluate(logits, sizes, actions):
    logp, entropy = 0.0, 0.0
    for j, block in enumerate(blocks(logits, sizes)):
        d = torch.distributions.Categorical(logits=block)
        logp = logp + d.log_prob(actions[:, j])
        entropy = entropy + d.entropy()
    return logp, entropy


def greedy(policy, observation, sizes):
    """The choice of each dimension with the largest logit: what the `rl` controller's `greedy` selection takes."""
    with torch.no_grad():
        logits = policy(torch.as_tensor(np.asarray(observation, np.float32)).reshape(1, -1))[0]
    return np.array([int(torch.argmax(b)) for b in blocks(logits, sizes)], dtype=np.int64)


def export_onnx(policy, spaces_json, path):
    policy = policy.eval()
    dummy = torch.zeros(1, policy.mean.shape[0])
    torch.onnx.export(policy, dummy, path, input_names=["observation"], output_names=["logits"],
                      dynamic_axes={"observation": {0: "batch"}, "logits": {0: "batch"}}, opset_version=13)
    add_metadata(path, "openg2g_spaces", json.dumps(spaces_json))


def add_metadata(path, key, value):
    """Append a metadata_props entry (ModelProto field 14) to the serialised model: protobuf fields may come in any
    order, so this is a valid model without the onnx package."""
    def varint(n):
        out = bytearray()
        while True:
            b = n & 0x7F
            n >>= 7
            out.append(b | (0x80 if n else 0))
            if not n:
                return bytes(out)

    def field(number, data):
        return varint(number << 3 | 2) + varint(len(data)) + data

    entry = field(1, key.encode()) + field(2, value.encode())
    with open(path, "ab") as f:
        f.write(field(14, entry))


def train(scenario, overrides=(), envs=4, total_steps=20000, rollout=256, seed=0, out="runs/ppo-torch", epochs=4,
          minibatch=256, lr=3e-4, gamma=0.99, lam=0.95, clip=0.2, log=print):
    torch.manual_seed(seed)
    generator = torch.Generator().manual_seed(seed)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    vec = openg2g.make_vec(scenario, envs, overrides=list(overrides))
    sizes = [int(s) for s in vec.single_action_space.nvec]
    d = vec.single_observation_space.shape[0]
    policy = Policy(d, sum(sizes))
    value = nn.Sequential(nn.Linear(d, 64), nn.Tanh(), nn.Linear(64, 64), nn.Tanh(), nn.Linear(64, 1))
    optimiser = torch.optim.Adam(list(policy.parameters()) + list(value.parameters()), lr=lr, eps=1e-5)
    moments = RunningMoments(d)
    obs, _ = vec.reset(seed=seed)
    steps, iteration, started, returns, episode = 0, 0, time.time(), [], np.zeros(envs)
    try:
        while steps < total_steps:
            O = np.zeros((rollout, envs, d), np.float32)
            A = np.zeros((rollout, envs, len(sizes)), np.int64)
            LP = np.zeros((rollout, envs), np.float32)
            R = np.zeros((rollout, envs), np.float32)
            D = np.zeros((rollout, envs), np.float32)
            V = np.zeros((rollout + 1, envs), np.float32)
            moments.update(obs)
            policy.mean.copy_(torch.as_tensor(moments.mean, dtype=torch.float32))
            policy.std.copy_(torch.as_tensor(np.sqrt(moments.var) + 1e-8, dtype=torch.float32))
            for t in range(rollout):
                with torch.no_grad():
                    x = torch.as_tensor(obs)
                    a, logp, _ = sample(policy(x), sizes, generator)
                    V[t] = value(torch.clamp((x - policy.mean) / policy.std, -10, 10)).squeeze(-1).numpy()
                O[t], A[t], LP[t] = obs, a.numpy(), logp.numpy()
                obs, reward, term, trunc, info = vec.step(A[t])
                R[t] = reward
                D[t] = term | trunc
                episode += reward
                for i in np.flatnonzero(term | trunc):
                    returns.append(episode[i])
                    episode[i] = 0.0
            with torch.no_grad():
                x = torch.as_tensor(obs)
                V[rollout] = value(torch.clamp((x - policy.mean) / policy.std, -10, 10)).squeeze(-1).numpy()
            # GAE; an ended episode (time limit) bootstraps nothing past its end.
            adv = np.zeros_like(R)
            last = np.zeros(envs, np.float32)
            for t in reversed(range(rollout)):
                keep = 1.0 - D[t]
                delta = R[t] + gamma * V[t + 1] * keep - V[t]
                last = delta + gamma * lam * keep * last
                adv[t] = last
            ret = adv + V[:rollout]
            b_obs = torch.as_tensor(O.reshape(-1, d))
            b_act = torch.as_tensor(A.reshape(-1, len(sizes)))
            b_logp = torch.as_tensor(LP.reshape(-1))
            b_adv = torch.as_tensor(adv.reshape(-1))
            b_adv = (b_adv - b_adv.mean()) / (b_adv.std() + 1e-8)
            b_ret = torch.as_tensor(ret.reshape(-1))
            ret_scale = float(b_ret.std()) + 1e-8
            n = b_obs.shape[0]
            for _ in range(epochs):
                order = torch.randperm(n, generator=generator)
                for start in range(0, n, minibatch):
                    idx = order[start:start + minibatch]
                    logp, entropy = evaluate(policy(b_obs[idx]), sizes, b_act[idx])
                    ratio = torch.exp(logp - b_logp[idx])
                    surrogate = torch.min(ratio * b_adv[idx], torch.clamp(ratio, 1 - clip, 1 + clip) * b_adv[idx])
                    v = value(torch.clamp((b_obs[idx] - policy.mean) / policy.std, -10, 10)).squeeze(-1)
                    loss = -surrogate.mean() + 0.5 * (((v - b_ret[idx]) / ret_scale) ** 2).mean() - 0.01 * entropy.mean()
                    optimiser.zero_grad()
                    loss.backward()
                    nn.utils.clip_grad_norm_(list(policy.parameters()) + list(value.parameters()), 0.5)
                    optimiser.step()
            steps += rollout * envs
            iteration += 1
            mean_return = float(np.mean(returns[-envs:])) if returns else float("nan")
            log(f"iteration {iteration}: {steps} steps, {steps / (time.time() - started):.0f} steps/s, "
                f"mean return of the last episodes {mean_return:.2f}")
        path = out / "policy.onnx"
        export_onnx(policy, vec.spaces_json, str(path))
        torch.save({"policy": policy.state_dict(), "sizes": sizes}, out / "policy.pt")
        log(f"wrote {path}")
        return policy, sizes, path
    finally:
        vec.close()


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--scenario", default="scenarios/ieee13/baseline.yaml")
    p.add_argument("--set", action="append", default=[], help="scenario override PATH=VALUE (repeatable)")
    p.add_argument("--envs", type=int, default=4)
    p.add_argument("--total-steps", type=int, default=20000)
    p.add_argument("--rollout", type=int, default=256)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", default="runs/ppo-torch")
    a = p.parse_args(argv)
    train(a.scenario, a.set, a.envs, a.total_steps, a.rollout, a.seed, a.out)


if __name__ == "__main__":
    main()
