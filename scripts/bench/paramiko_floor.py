#!/usr/bin/python3
"""Server-side floor of the per-router cycle: a bare paramiko client (EOM framing, no ncclient) against the
netconfd of scripts/netconfd-lab.sh. Prints per-cycle ms and the split ssh-setup / hello / lock+edit / commit /
unlock+get+close. Usage: /usr/bin/python3 scripts/bench/paramiko_floor.py [STATE_DIR] [N] [CONFIG_XML]"""
import logging
import socket
import statistics
import sys
import time

logging.disable(logging.CRITICAL)
import paramiko  # noqa: E402

state = sys.argv[1] if len(sys.argv) > 1 else ".run/netconfd"
n = int(sys.argv[2]) if len(sys.argv) > 2 else 6
config_path = sys.argv[3] if len(sys.argv) > 3 else None
props = dict(l.strip().split("=", 1) for l in open(state + "/server.properties") if "=" in l)
password = open(props["password-file"]).read().strip()
host, port, user = props["host"], int(props["port"]), props["username"]
hostkey = open(props["known-hosts"]).read().split()[2]
config = open(config_path).read() if config_path else ""
if config.startswith("<?xml"):
    config = config[config.index("?>") + 2:]
HELLO = (b'<?xml version="1.0"?><hello xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><capabilities>'
         b'<capability>urn:ietf:params:netconf:base:1.0</capability></capabilities></hello>]]>]]>')


class Chan:
    def __init__(self, ch):
        self.ch, self.buf = ch, b""

    def read(self):
        while b"]]>]]>" not in self.buf:
            d = self.ch.recv(65536)
            if not d:
                raise EOFError("server closed the channel")
            self.buf += d
        i = self.buf.index(b"]]>]]>")
        msg, self.buf = self.buf[:i], self.buf[i + 6:]
        return msg

    def rpc(self, body, mid):
        self.ch.sendall(('<rpc message-id="%d" xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">%s</rpc>]]>]]>'
                         % (mid, body)).encode())
        return self.read()


cycles, parts = [], []
for i in range(n):
    t0 = time.perf_counter()
    sock = socket.create_connection((host, port))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    t = paramiko.Transport(sock)
    t.start_client()
    if t.get_remote_server_key().get_base64() != hostkey:
        sys.exit("host key mismatch")
    t.auth_password(user, password)
    ch = t.open_session()
    ch.invoke_subsystem("netconf")
    c = Chan(ch)
    t1 = time.perf_counter()
    ch.sendall(HELLO)
    c.read()
    t2 = time.perf_counter()
    c.rpc("<lock><target><candidate/></target></lock>", 1)
    if config:
        c.rpc("<edit-config><target><candidate/></target>%s</edit-config>"
              % config.replace("inbound-to-subscriber protection", "floor %d %d" % (i, time.time_ns())), 2)
    t3 = time.perf_counter()
    c.rpc("<commit/>", 3)
    t4 = time.perf_counter()
    c.rpc("<unlock><target><candidate/></target></unlock>", 4)
    c.rpc("<get-config><source><running/></source></get-config>", 5)
    c.rpc("<close-session/>", 6)
    t.close()
    t5 = time.perf_counter()
    cycles.append((t5 - t0) * 1000)
    parts.append(tuple(round(x * 1000) for x in (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)))
print("cycle ms", [round(x) for x in cycles], "median", round(statistics.median(cycles)))
print("ssh-setup, hello, lock+edit, commit, unlock+get+close:", parts)
