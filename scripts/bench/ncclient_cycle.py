#!/usr/bin/python3
"""ncclient side of the per-router cycle benchmark (scripts/bench-netconf.sh runs it next to ours).

One cycle = connect + hello, lock candidate, edit-config, commit, unlock, get-config running, close-session.
Each cycle changes one description so every commit really changes running. Prints one JSON line:
{"client": "ncclient", "cycles_ms": [...]}. Run with /usr/bin/python3 (Debian's python3-ncclient).
"""
import argparse
import json
import logging
import sys
import time

logging.disable(logging.CRITICAL)
from ncclient import manager  # noqa: E402


def pinned_key(known_hosts, host, port):
    wanted = "[%s]:%d" % (host, port)
    for line in open(known_hosts):
        parts = line.split()
        if len(parts) >= 3 and wanted in parts[0].split(","):
            return parts[2]
    sys.exit("no known_hosts entry for %s in %s" % (wanted, known_hosts))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--username", required=True)
    ap.add_argument("--password-file", required=True)
    ap.add_argument("--known-hosts", required=True)
    ap.add_argument("--config", required=True)
    ap.add_argument("--marker", default="inbound-to-subscriber protection",
                    help="text in the config replaced by a per-cycle value")
    ap.add_argument("--iterations", type=int, default=10)
    a = ap.parse_args()
    password = open(a.password_file).read().strip()
    template = open(a.config, encoding="utf-8").read()
    key = pinned_key(a.known_hosts, a.host, a.port)
    cycles = []
    for i in range(a.iterations):
        config = template.replace(a.marker, "ncclient cycle %d %d" % (i, time.time_ns()))
        t0 = time.perf_counter()
        with manager.connect(host=a.host, port=a.port, username=a.username, password=password, hostkey_b64=key,
                             look_for_keys=False, allow_agent=False, timeout=30) as m:
            m.lock(target="candidate")
            m.edit_config(target="candidate", config=config)
            m.commit()
            m.unlock(target="candidate")
            reply = m.get_config(source="running")
            if "ncclient cycle %d " % i not in reply.xml:
                sys.exit("cycle %d: running does not hold the edit" % i)
        cycles.append((time.perf_counter() - t0) * 1000.0)
    print(json.dumps({"client": "ncclient", "cycles_ms": cycles}))


if __name__ == "__main__":
    main()
