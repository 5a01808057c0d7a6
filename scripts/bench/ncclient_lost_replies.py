#!/usr/bin/python3
"""ncclient side of the lost-reply harness (issue 13 item 2); the Java side is io.portcullis.bench.LostReplyHarness.

N back-to-back sessions, each: connect + hello, lock candidate, edit-config, unlock, close-session. Counts per RPC
how many were sent, answered and lost (no reply within --rpc-timeout-s); a lost reply ends that session and the
next cycle starts. Prints a table and one JSON line. Run with /usr/bin/python3 (Debian's python3-ncclient).
"""
import argparse
import json
import logging
import sys
import time
from datetime import datetime, timezone

logging.disable(logging.CRITICAL)
from ncclient import manager  # noqa: E402
from ncclient.operations.errors import TimeoutExpiredError  # noqa: E402

OPS = ["hello", "lock", "edit-config", "unlock", "close-session"]


def pinned_key(known_hosts, host, port):
    wanted = "[%s]:%d" % (host, port)
    for line in open(known_hosts):
        parts = line.split()
        if len(parts) >= 3 and wanted in parts[0].split(","):
            return parts[2]
    sys.exit("no known_hosts entry for %s in %s" % (wanted, known_hosts))


def edit(i):
    return ('<config><acl xmlns="http://openconfig.net/yang/acl" xmlns:oc-acl="http://openconfig.net/yang/acl">'
            '<acl-sets><acl-set><name>lost-reply-nc-%d</name><type>oc-acl:ACL_IPV4</type><config>'
            '<name>lost-reply-nc-%d</name><type>oc-acl:ACL_IPV4</type></config></acl-set></acl-sets></acl></config>'
            % (i, i))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--username", required=True)
    ap.add_argument("--password-file", required=True)
    ap.add_argument("--known-hosts", required=True)
    ap.add_argument("--iterations", type=int, default=200)
    ap.add_argument("--rpc-timeout-s", type=int, default=10)
    ap.add_argument("--max-seconds", type=int, default=0, help="stop after this long (0: run all iterations)")
    a = ap.parse_args()
    password = open(a.password_file).read().strip()
    key = pinned_key(a.known_hosts, a.host, a.port)
    counts = {op: [0, 0, 0, 0] for op in OPS}  # sent, answered, lost, other failures
    lost_cycles = 0
    t0 = time.perf_counter()
    for i in range(a.iterations):
        if a.max_seconds and time.perf_counter() - t0 > a.max_seconds:
            print("time budget used up after %d of %d cycles" % (i, a.iterations))
            a.iterations = i
            break
        counts["hello"][0] += 1
        try:
            m = manager.connect(host=a.host, port=a.port, username=a.username, password=password, hostkey_b64=key,
                                look_for_keys=False, allow_agent=False, timeout=a.rpc_timeout_s)
        except Exception as e:  # noqa: BLE001 - counted and reported, the loop goes on
            counts["hello"][3] += 1
            print("cycle %d: connect/hello failed: %s" % (i, e))
            lost_cycles += 1
            continue
        counts["hello"][1] += 1
        m.timeout = a.rpc_timeout_s
        steps = [("lock", lambda: m.lock(target="candidate")),
                 ("edit-config", lambda: m.edit_config(target="candidate", config=edit(i))),
                 ("unlock", lambda: m.unlock(target="candidate")),
                 ("close-session", lambda: m.close_session())]
        for op, call in steps:
            counts[op][0] += 1
            try:
                call()
                counts[op][1] += 1
            except TimeoutExpiredError:
                counts[op][2] += 1
                lost_cycles += 1
                print("cycle %d: %s on netconfd session %s LOST at %s" % (i, op, m.session_id,
                                                                          datetime.now(timezone.utc).isoformat()))
                break
            except Exception as e:  # noqa: BLE001
                counts[op][3] += 1
                print("cycle %d: %s failed: %s" % (i, op, e))
                break
        try:
            m._session.close()
        except Exception:  # noqa: BLE001 - the transport may already be gone after close-session
            pass
    secs = time.perf_counter() - t0
    print("ncclient: %d cycles in %.1f s (%.1f ms/cycle), %d with a lost reply"
          % (a.iterations, secs, secs * 1000 / a.iterations, lost_cycles))
    for op in OPS:
        c = counts[op]
        print("  %-14s sent %6d  answered %6d  lost %4d  failed %4d" % (op, c[0], c[1], c[2], c[3]))
    print(json.dumps({"client": "ncclient", "cycles": a.iterations, "lost": lost_cycles}))


if __name__ == "__main__":
    main()
