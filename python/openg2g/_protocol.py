"""Client side of the environment server's protocol (docs/python.md#protocol), over a child process's pipes."""
from __future__ import annotations

import json
import os
import struct
import subprocess
import tempfile
import weakref
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np

from ._binary import find_binary
from ._errors import OpenG2GError, ProtocolError

VERSION = 1
MAGIC = b"OG2G"

HELLO, RESET, STEP, CLOSE = 0x01, 0x02, 0x03, 0x04
HELLO_OK, RESET_OK, STEP_OK, CLOSE_OK, ERROR = 0x81, 0x82, 0x83, 0x84, 0xFF

#: Names of the float64 info values of a step, in the server's order.
INFO_NAMES = (
    "time_s", "violation_integral_pu_s", "violation_squared_pu2", "min_voltage_pu",
    "measured_throughput_tokens_per_s", "latency_excess", "switches", "reward",
)

_U32 = struct.Struct("<I")


class StepReply:
    """One batched step: arrays over the K environments."""

    __slots__ = ("observations", "rewards", "terminated", "truncated", "failed", "info", "texts")

    def __init__(self, observations, rewards, terminated, truncated, failed, info, texts):
        self.observations = observations
        self.rewards = rewards
        self.terminated = terminated
        self.truncated = truncated
        self.failed = failed
        self.info = info
        self.texts = texts


class ServerProcess:
    """``openg2g env serve`` as a child process speaking the protocol on its standard input and output."""

    def __init__(self, scenario: str, envs: int = 1, overrides: Sequence[str] = (), workers: Optional[int] = None,
                 binary: Optional[str] = None):
        command = find_binary(binary) + ["env", "serve", os.fspath(scenario), "--envs", str(int(envs))]
        if workers is not None:
            command += ["--workers", str(int(workers))]
        for o in overrides:
            command += ["--set", o]
        self._stderr = tempfile.TemporaryFile()
        self._process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
                                         bufsize=0)
        self._in = self._process.stdout
        self._out = self._process.stdin
        self._finalizer = weakref.finalize(self, _kill, self._process)
        self._closed = False
        body = self._request(HELLO, MAGIC + _U32.pack(VERSION), HELLO_OK)
        version, k, obs, act, steps, infos, n = struct.unpack_from("<7I", body, 0)
        self.count = k
        self.observation_size = obs
        self.action_size = act
        self.max_episode_steps = steps
        self.spaces = json.loads(bytes(body[28:28 + n]).decode("utf-8"))
        if infos != len(INFO_NAMES):
            raise OpenG2GError(f"the server sends {infos} info values per step, this client knows {len(INFO_NAMES)}")

    @property
    def pid(self) -> int:
        return self._process.pid

    @property
    def process(self) -> subprocess.Popen:
        return self._process

    # -- requests --------------------------------------------------------------------------------------------

    def reset(self, entries: Sequence[Tuple[int, int, Sequence[str]]]) -> np.ndarray:
        """Reset environments: (index, seed, overrides) each; returns their first observations [n, obs]."""
        parts = [_U32.pack(len(entries))]
        for index, seed, overrides in entries:
            text = "\n".join(overrides).encode("utf-8")
            parts.append(struct.pack("<IQI", index, seed, len(text)))
            parts.append(text)
        body = self._request(RESET, b"".join(parts), RESET_OK)
        n = _U32.unpack_from(body, 0)[0]
        return np.frombuffer(body, dtype="<f4", count=n * self.observation_size, offset=4).reshape(n, self.observation_size).copy()

    def step(self, actions: np.ndarray) -> StepReply:
        """Step all K environments with actions [K, action size] (int32)."""
        a = np.ascontiguousarray(actions, dtype="<i4")
        body = self._request(STEP, a.tobytes(), STEP_OK)
        k, d, m = self.count, self.observation_size, len(INFO_NAMES)
        at = 0
        obs = np.frombuffer(body, "<f4", k * d, at).reshape(k, d).copy()
        at += 4 * k * d
        rewards = np.frombuffer(body, "<f8", k, at).copy()
        at += 8 * k
        flags = np.frombuffer(body, np.uint8, 3 * k, at).astype(bool).reshape(3, k)
        at += 3 * k
        info = np.frombuffer(body, "<f8", k * m, at).reshape(k, m).copy()
        at += 8 * k * m
        texts: List[str] = []
        for _ in range(k):
            n = _U32.unpack_from(body, at)[0]
            texts.append(bytes(body[at + 4:at + 4 + n]).decode("utf-8") if n else "")
            at += 4 + n
        return StepReply(obs, rewards, flags[0], flags[1], flags[2], info, texts)

    def send_raw(self, body: bytes) -> Tuple[int, bytes]:
        """Send a frame body as it is and return the reply's type and payload (for tests of bad requests)."""
        self._write(body)
        return self._read()

    def close(self, timeout: float = 30.0) -> int:
        """Ask the server to exit and wait for it; returns its exit code. Kills it if it does not stop."""
        if self._closed:
            return self._process.returncode
        try:
            if self._process.poll() is None:
                self._request(CLOSE, b"", CLOSE_OK)
        except (OpenG2GError, OSError):
            pass
        self._closed = True
        try:
            self._process.wait(timeout)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for stream in (self._out, self._in):
            try:
                stream.close()
            except OSError:
                pass
        self._stderr.close()
        self._finalizer.detach()
        return self._process.returncode

    # -- framing ---------------------------------------------------------------------------------------------

    def _request(self, kind: int, payload: bytes, expected: int) -> memoryview:
        if self._closed:
            raise OpenG2GError("the environment server is closed")
        self._write(bytes((kind,)) + payload)
        reply, body = self._read()
        if reply == ERROR:
            code = _U32.unpack_from(body, 0)[0]
            n = _U32.unpack_from(body, 4)[0]
            raise ProtocolError(code, bytes(body[8:8 + n]).decode("utf-8"))
        if reply != expected:
            raise OpenG2GError(f"the server answered with message type 0x{reply:02x}, expected 0x{expected:02x}")
        return body

    def _write(self, body: bytes) -> None:
        data = memoryview(_U32.pack(len(body)) + body)
        try:
            while len(data):
                data = data[self._out.write(data):]
        except (BrokenPipeError, OSError):
            raise self._gone() from None

    def _read(self) -> Tuple[int, memoryview]:
        header = self._exactly(4)
        n = _U32.unpack(header)[0]
        body = memoryview(self._exactly(n))
        return body[0], body[1:]

    def _exactly(self, n: int) -> bytes:
        data = self._in.read(n)
        if data is None or len(data) < n:
            parts = [data or b""]
            got = len(parts[0])
            while got < n:
                chunk = self._in.read(n - got)
                if not chunk:
                    raise self._gone()
                parts.append(chunk)
                got += len(chunk)
            data = b"".join(parts)
        return data

    def _gone(self) -> OpenG2GError:
        try:
            code = self._process.wait(10)
        except subprocess.TimeoutExpired:
            code = None
        self._stderr.seek(0)
        text = self._stderr.read().decode("utf-8", "replace").strip()
        self._closed = True
        return OpenG2GError(f"openg2g env serve stopped (exit code {code})" + (": " + text if text else ""))


def _kill(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.kill()
        process.wait()


def observation_bounds(spaces: Dict) -> Tuple[np.ndarray, np.ndarray]:
    box = spaces["spaces"]["observation"] if "spaces" in spaces else spaces["observation"]
    low = np.array([-np.inf if v is None else v for v in box["low"]], dtype=np.float32)
    high = np.array([np.inf if v is None else v for v in box["high"]], dtype=np.float32)
    return low, high
