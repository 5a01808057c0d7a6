#!/usr/bin/python3
"""Server-side floor of a NETCONF session against the netconfd of scripts/netconfd-lab.sh: OpenSSH's own client
(`ssh -s ... netconf`, public-key auth with the lab's client key, strict host key) does connect + server hello +
our hello + close (end of input), nothing else. What no client can beat on this server: sshd's fork/exec, key
exchange, auth, netconf-subsystem spawn, netconfd's hello. Prints per-session order statistics in ms and one JSON
line. Usage: /usr/bin/python3 scripts/bench/openssh_floor.py --state DIR --iterations N"""
import argparse
import json
import os
import select
import statistics
import subprocess
import time

HELLO = (b'<?xml version="1.0" encoding="UTF-8"?><hello xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">'
         b'<capabilities><capability>urn:ietf:params:netconf:base:1.0</capability></capabilities></hello>]]>]]>')


def props(state):
    return dict(l.strip().split("=", 1) for l in open(os.path.join(state, "server.properties")) if "=" in l)


def session(p):
    cmd = ["ssh", "-p", p["port"], "-i", p["private-key"], "-o", "UserKnownHostsFile=" + p["known-hosts"],
           "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
           "-o", "PasswordAuthentication=no", "-F", "/dev/null", "-s", "%s@%s" % (p["username"], p["host"]), "netconf"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, bufsize=0)
    buf = b""
    deadline = time.time() + 30
    while b"]]>]]>" not in buf and time.time() < deadline:
        r, _, _ = select.select([proc.stdout], [], [], 1)
        if r:
            d = os.read(proc.stdout.fileno(), 65536)
            if not d:
                break
            buf += d
    if b"<session-id>" not in buf:
        proc.kill()
        raise SystemExit("no server hello from ssh -s netconf: %r" % buf[:200])
    proc.stdin.write(HELLO)
    proc.stdin.close()  # end of input: sshd closes the channel, netconf-subsystem and the netconfd session end
    proc.stdout.read()
    proc.wait(30)
    return (time.perf_counter() - t0) * 1000.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--state", default=".run/netconfd")
    ap.add_argument("--iterations", type=int, default=100)
    a = ap.parse_args()
    p = props(a.state)
    for _ in range(3):
        session(p)  # warm-up (page cache, sshd's first fork)
    ms = sorted(session(p) for _ in range(a.iterations))
    q = lambda f: ms[min(len(ms) - 1, int(f * len(ms)))]  # noqa: E731
    print("OpenSSH ssh -s netconf (connect, hello, close)  n=%d  min=%.1f  median=%.1f  p90=%.1f  max=%.1f ms"
          % (len(ms), ms[0], statistics.median(ms), q(0.9), ms[-1]))
    print(json.dumps({"client": "openssh", "median_ms": statistics.median(ms), "samples_ms": ms}))


if __name__ == "__main__":
    main()
