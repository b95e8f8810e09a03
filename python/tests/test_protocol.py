"""Bad requests get an error reply and the server keeps serving; versions; the private Unix socket."""
import os
import socket
import stat
import struct
import subprocess
import time

import numpy as np
import pytest

import openg2g
from openg2g._protocol import ERROR, MAGIC, ServerProcess, STEP_OK

SHORT = ["duration_s=30"]


def error_of(reply):
    kind, body = reply
    assert kind == ERROR, f"expected an error reply, got type 0x{kind:02x}"
    code, n = struct.unpack_from("<II", body, 0)
    return code, bytes(body[8:8 + n]).decode()


def test_malformed_requests_get_errors_and_the_server_keeps_serving(ieee13):
    server = ServerProcess(ieee13, 2, SHORT)
    try:
        k, a = server.count, server.action_size
        code, message = error_of(server.send_raw(b"\x03" + np.ones(k * a, "<i4").tobytes()))
        assert (code, message) == (5, "step: environment 0 needs a reset (its episode ended, failed or never started); nothing was stepped")
        server.reset([(0, 1, []), (1, 2, [])])
        code, message = error_of(server.send_raw(b"\x42"))
        assert code == 1 and message.startswith("unknown message type 0x42")
        code, message = error_of(server.send_raw(b"\x03" + b"\x01\x00"))
        assert (code, message) == (1, f"step: expected {k} x {a} int32 actions ({4 * k * a} bytes), got 2 bytes")
        bad = np.ones((k, a), "<i4")
        bad[1, 2] = 7
        code, message = error_of(server.send_raw(b"\x03" + bad.tobytes()))
        name = server.spaces["spaces"]["action"]["names"][2]
        assert (code, message) == (3, f"step: environment 1, action dimension 2 '{name}' takes 0..2, got 7; nothing was stepped")
        code, message = error_of(server.send_raw(b"\x02" + struct.pack("<IIQ", 1, 5, 0)))
        assert code == 1 and "entry 0 overrides length needs 4 bytes" in message
        code, message = error_of(server.send_raw(b"\x02" + struct.pack("<IIQI", 1, 0, 0, 1) + b"\xff"))
        assert (code, message) == (1, "reset: entry 0 overrides is not valid UTF-8")
        with pytest.raises(openg2g.ProtocolError) as e:
            server.reset([(0, 3, ["duration_s=abc"])])
        assert e.value.code == 4 and "environment 0:" in str(e.value) and "duration_s" in str(e.value)
        with pytest.raises(openg2g.ProtocolError, match="environment 5 does not exist; the server has environments 0..1"):
            server.reset([(5, 3, [])])
        # Still serving: a good reset and step work, and give what a fresh server gives.
        first = server.reset([(0, 9, []), (1, 10, [])])
        reply = server.step(np.ones((k, a)))
        assert not reply.failed.any() and reply.observations.shape == (k, server.observation_size)
    finally:
        assert server.close() == 0
    with _fresh(ieee13) as fresh:
        np.testing.assert_array_equal(fresh.reset([(0, 9, []), (1, 10, [])]), first)


class _fresh:
    def __init__(self, scenario):
        self.server = ServerProcess(scenario, 2, SHORT)

    def __enter__(self):
        return self.server

    def __exit__(self, *exc):
        self.server.close()


def test_a_client_of_another_version_gets_a_clear_error(ieee13):
    server = ServerProcess(ieee13, 1, SHORT)
    try:
        code, message = error_of(server.send_raw(b"\x01" + MAGIC + struct.pack("<I", 2)))
        assert (code, message) == (2, "protocol version mismatch: the client speaks version 2, this server (openg2g env serve) speaks version 1; use a client and an openg2g of the same release")
        code, message = error_of(server.send_raw(b"\x01" + b"HTTP" + struct.pack("<I", 1)))
        assert code == 2 and "not an openg2g environment client" in message
    finally:
        assert server.close() == 0


def test_an_unframeable_length_gets_an_error_and_ends_the_connection(ieee13, binary):
    p = subprocess.Popen(binary + ["env", "serve", ieee13, "--set", "duration_s=30"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = p.communicate(struct.pack("<I", 0xFFFFFFF0), timeout=120)
    assert p.returncode == 0, err
    n, kind = struct.unpack_from("<IB", out, 0)
    code, m = struct.unpack_from("<II", out, 5)
    assert kind == ERROR and code == 1
    assert out[13:13 + m].decode() == "frame length 4294967280 is outside 1..67108864 bytes; closing the connection"


def test_a_bad_scenario_is_reported_before_serving(tmp_path):
    with pytest.raises(openg2g.OpenG2GError, match="exit code 2"):
        openg2g.make(str(tmp_path / "missing.yaml"))


def test_the_socket_is_created_in_a_private_folder_and_removed_at_close(ieee13, binary, tmp_path):
    folder = tmp_path / "private"
    path = folder / "env.sock"
    p = subprocess.Popen(binary + ["env", "serve", ieee13, "--set", "duration_s=30", "--socket", str(path)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = p.stdout.readline()
        assert line.startswith("serving 1 environments of") and str(path) in line, p.stderr.read()
        assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
        assert stat.S_ISSOCK(os.stat(path).st_mode)
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.connect(str(path))
        hello = b"\x01" + MAGIC + struct.pack("<I", 1)
        s.sendall(struct.pack("<I", len(hello)) + hello)
        n = struct.unpack("<I", s.recv(4))[0]
        body = b""
        while len(body) < n:
            body += s.recv(n - len(body))
        assert body[0] == 0x81
        s.sendall(struct.pack("<I", 1) + b"\x04")
        assert s.recv(5) == struct.pack("<I", 1) + b"\x84"
        s.close()
        assert p.wait(30) == 0
        assert not path.exists()
    finally:
        if p.poll() is None:
            p.kill()


def test_a_socket_folder_open_to_others_is_refused(ieee13, binary, tmp_path):
    folder = tmp_path / "open"
    folder.mkdir()
    os.chmod(folder, 0o755)
    p = subprocess.run(binary + ["env", "serve", ieee13, "--socket", str(folder / "env.sock")], capture_output=True, text=True)
    assert p.returncode == 2
    assert p.stderr.splitlines()[0] == (f"openg2g env serve: --socket: the folder '{folder}' is open to other users (mode 755); the "
                                        "socket must be in a folder of mode 0700 (give a folder that does not exist and it is created so)")
