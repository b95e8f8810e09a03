"""The bridge gives what the C# environment gives directly, bit for bit; spaces, seeds, vectors, closing."""
import json
import os
import time

import numpy as np
import pytest

import openg2g

SHORT = ["duration_s=60", "grid.source_pu=0.97"]  # violates, so the voltage terms are not all zero
STEPS = 60


def random_actions(steps, dims, seed):
    return np.random.default_rng(seed).integers(0, 3, size=(steps, dims), dtype=np.int32)


def without_wall_time(summary):
    s = json.loads(json.dumps(summary))
    del s["run"]["wall_time_s"]
    return s


def play_through_bridge(env, actions, seed):
    obs, _ = env.reset(seed=seed)
    observations, rewards, infos, flags, summary = [obs], [], [], [], None
    for a in actions:
        obs, r, term, trunc, info = env.step(a)
        observations.append(obs)
        rewards.append(r)
        infos.append([info[n] for n in openg2g.INFO_NAMES])
        flags += [term, trunc]
        if term or trunc:
            summary = info["summary"]
            break
    return (np.asarray(observations, np.float32), np.asarray(rewards, np.float64), np.asarray(infos, np.float64),
            np.asarray(flags, np.uint8), summary)


def test_spaces_are_those_the_csharp_side_writes(ieee13, play):
    with openg2g.make(ieee13, overrides=SHORT) as env:
        folder = play(ieee13, np.ones((1, env.action_space.shape[0])), seed=0, overrides=SHORT)
        csharp = json.loads((folder / "spaces.json").read_text())["spaces"]
        names = csharp["observation"]["names"]
        assert env.observation_names == names
        assert env.observation_space.shape == (len(names),)
        assert env.observation_space.dtype == np.float32
        low = np.array([-np.inf if v is None else v for v in csharp["observation"]["low"]], np.float32)
        high = np.array([np.inf if v is None else v for v in csharp["observation"]["high"]], np.float32)
        np.testing.assert_array_equal(env.observation_space.low, low)
        np.testing.assert_array_equal(env.observation_space.high, high)
        assert env.action_names == csharp["action"]["names"]
        np.testing.assert_array_equal(env.action_space.nvec, csharp["action"]["sizes"])
        # The layout docs/rl.md describes: voltages, 4 grid features, site power, 4 per model; 3 moves per model.
        models = len(csharp["action"]["names"])
        voltages = sum(n.startswith("v:") for n in names)
        assert voltages > 0 and len(names) == voltages + 4 + 1 + 4 * models
        assert all(s == 3 for s in csharp["action"]["sizes"])
        assert env.max_episode_steps == STEPS


def test_a_fixed_action_sequence_gives_the_direct_runs_bytes(ieee13, play):
    with openg2g.make(ieee13, overrides=SHORT) as env:
        actions = random_actions(STEPS, env.action_space.shape[0], seed=7)
        obs, rewards, infos, flags, summary = play_through_bridge(env, actions, seed=11)
    folder = play(ieee13, actions, seed=11, overrides=SHORT)
    assert obs.tobytes() == (folder / "observations.f32").read_bytes()
    assert rewards.tobytes() == (folder / "rewards.f64").read_bytes()
    assert infos.tobytes() == (folder / "info.f64").read_bytes()
    assert flags.tobytes() == (folder / "flags.u8").read_bytes()
    assert flags[-1] == 1 and flags[-2] == 0, "the episode ends truncated at the scenario's duration"
    direct = json.loads((folder / "summary.json").read_text())
    assert without_wall_time(summary) == without_wall_time(direct)
    assert summary["voltage"]["integral_violation_pu_s"] > 0
    assert summary["run"]["seed"] == 11
    assert summary["run"]["commands"] == int(infos[:, openg2g.INFO_NAMES.index("switches")].sum())
    np.testing.assert_array_equal(rewards, infos[:, openg2g.INFO_NAMES.index("reward")])


def test_a_seed_reproduces_its_episode_and_another_seed_differs(ieee13):
    with openg2g.make(ieee13, overrides=SHORT) as env:
        actions = random_actions(20, env.action_space.shape[0], seed=1)
        a = play_through_bridge(env, actions, seed=5)
        b = play_through_bridge(env, actions, seed=5)
        c = play_through_bridge(env, actions, seed=6)
        # Without a seed, episodes follow from the last seed given.
        env.reset(seed=9)
        first, _ = env.reset()
        env.reset(seed=9)
        again, _ = env.reset()
    assert a[0].tobytes() == b[0].tobytes() and a[1].tobytes() == b[1].tobytes()
    assert a[0].tobytes() != c[0].tobytes()
    assert first.tobytes() == again.tobytes()


def test_a_vector_of_four_steps_four_seeds_as_four_single_environments(ieee13):
    seeds = [21, 22, 23, 24]
    steps = 15
    with openg2g.make_vec(ieee13, 4, overrides=SHORT) as vec:
        dims = vec.single_action_space.shape[0]
        actions = np.stack([random_actions(steps, dims, seed=s) for s in seeds], axis=1)  # [steps, 4, dims]
        obs, info = vec.reset(seed=seeds)
        assert obs.shape == (4, vec.single_observation_space.shape[0])
        vec_obs, vec_rewards = [obs], []
        for t in range(steps):
            obs, r, term, trunc, info = vec.step(actions[t])
            vec_obs.append(obs)
            vec_rewards.append(r)
        vec_obs = np.asarray(vec_obs)  # [steps + 1, 4, obs]
        vec_rewards = np.asarray(vec_rewards)
    with openg2g.make(ieee13, overrides=SHORT) as env:
        for i, s in enumerate(seeds):
            single = play_through_bridge(env, actions[:, i], seed=s)
            assert vec_obs[:, i].tobytes() == single[0].tobytes(), f"environment {i}"
            assert vec_rewards[:, i].tobytes() == single[1].tobytes(), f"environment {i}"
    for i in range(1, 4):
        assert vec_obs[:, i].tobytes() != vec_obs[:, 0].tobytes(), "different seeds give different episodes"


def test_the_vector_resets_ended_episodes_in_the_same_step(ieee13):
    with openg2g.make_vec(ieee13, 2, overrides=["duration_s=5"]) as vec:
        vec.reset(seed=3)
        ones = np.ones((2, vec.single_action_space.shape[0]), np.int64)
        for _ in range(4):
            _, _, _, trunc, info = vec.step(ones)
            assert not trunc.any()
        obs, _, _, trunc, info = vec.step(ones)
        assert trunc.all()
        assert info["_final_obs"].all()
        assert info["final_info"][0]["summary"]["run"]["seed"] == 3
        assert info["final_info"][1]["summary"]["run"]["seed"] == 4
        assert not np.array_equal(obs[0], info["final_obs"][0]), "the row is the new episode's first observation"
        _, _, _, trunc, _ = vec.step(ones)
        assert not trunc.any()


def test_close_ends_the_server_process(ieee13):
    env = openg2g.make(ieee13, overrides=SHORT)
    process = env.server.process
    assert process.poll() is None
    env.close()
    assert process.returncode == 0
    with pytest.raises(openg2g.OpenG2GError, match="closed"):
        env.reset(seed=1)


def test_a_forgotten_environment_does_not_leave_its_server_running(ieee13):
    env = openg2g.make(ieee13, overrides=SHORT)
    process = env.server.process
    del env
    import gc
    gc.collect()
    deadline = time.time() + 10
    while process.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    assert process.poll() is not None
