#!/usr/bin/python3
"""Deterministic reproduction of netconfd's deferred first RPC (DEVELOPERS.md, "The deferred first RPC").

OpenSSH's own client opens the netconf subsystem of scripts/netconfd-lab.sh, waits for the server hello, then writes
the client hello and a chunked <lock> in ONE write (as happens when the relay reads our hello late). netconfd answers
the lock only when more input arrives: "together" gets no reply within 3 s; "separate" (hello, 300 ms, lock) does;
"together nudge" sends a read-only <get-config> with an empty filter after the 3 s, and both replies arrive in order.

Usage: /usr/bin/python3 scripts/bench/netconfd_hello_rpc_coalesce.py STATE_DIR PORT together|separate [nudge]
"""
import os, subprocess, sys, time, select
state = sys.argv[1]; port = sys.argv[2]; mode = sys.argv[3] if len(sys.argv) > 3 else "together"
p = subprocess.Popen(["ssh", "-p", port, "-i", state + "/client_ed25519_key", "-o", "UserKnownHostsFile=" + state + "/known_hosts",
    "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-s", "pcl-netconf@127.0.0.1", "netconf"],
    stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
buf = b""
def read_until(marker, timeout):
    global buf
    end = time.time() + timeout
    while marker not in buf and time.time() < end:
        r, _, _ = select.select([p.stdout], [], [], max(0, end - time.time()))
        if r:
            d = os.read(p.stdout.fileno(), 65536)
            if not d: break
            buf += d
    if marker in buf:
        i = buf.index(marker) + len(marker); out = buf[:i]; buf = buf[i:]; return out
    return None
hello = read_until(b"]]>]]>", 10)
print("server hello:", hello is not None and b"<session-id>" in hello)
h = b'<?xml version="1.0" encoding="UTF-8"?><hello xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><capabilities><capability>urn:ietf:params:netconf:base:1.0</capability><capability>urn:ietf:params:netconf:base:1.1</capability></capabilities></hello>]]>]]>'
def rpc(mid, body):
    m = ('<rpc xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="%s">%s</rpc>' % (mid, body)).encode()
    return b"\n#%d\n" % len(m) + m + b"\n##\n"
lock = rpc(1, "<lock><target><candidate/></target></lock>")
if mode == "separate":
    p.stdin.write(h); time.sleep(0.3); p.stdin.write(lock)
else:
    p.stdin.write(h + lock)
t0 = time.time()
r = read_until(b"\n##\n", 3)
print("reply to rpc 1 within 3 s:", r is not None, "" if r is None else ("ok" if b"<ok/>" in r else r[:200]))
if r is None and "nudge" in sys.argv:
    p.stdin.write(rpc(2, "<get-config><source><running/></source><filter type=\"subtree\"/></get-config>"))
    for k in range(3):
        r = read_until(b"\n##\n", 3)
        print("after nudge, message %d:" % k, None if r is None else r[:160])
p.stdin.write(rpc(9, "<close-session/>")); read_until(b"\n##\n", 3); p.stdin.close(); p.wait(5)
