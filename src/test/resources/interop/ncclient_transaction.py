#!/usr/bin/python3
"""A third-party client (Debian's python3-ncclient) runs Portcullis' safe transaction against a NETCONF server.

lock candidate -> edit-config -> validate -> confirmed commit -> confirming commit -> unlock -> get-config running,
then checks that every leaf of the pushed <config> is in running (identity prefixes ignored, list keys included).
Prints one line per step ("STEP name ok 12.3ms") and "RESULT ok" or "RESULT fail: <one sentence>"; exit 0 only on
success. The host key is pinned from an OpenSSH known_hosts file ([host]:port entry); no keys from ~/.ssh.

Run with /usr/bin/python3 (Debian's ncclient); a pyenv python3 on PATH usually lacks it.
"""
import argparse
import collections
import logging
import re
import sys
import time

logging.disable(logging.CRITICAL)  # ncclient logs whole RPCs at INFO; keep secrets and noise out of test output

try:
    from lxml import etree
    from ncclient import manager
    from ncclient.operations import RPCError
except ImportError as e:  # the caller turns exit code 3 into a clear skip message
    print("RESULT fail: ncclient is not importable (%s); install python3-ncclient and run with /usr/bin/python3" % e)
    sys.exit(3)

NC = "urn:ietf:params:xml:ns:netconf:base:1.0"
IDENTITY = re.compile(r"^[A-Za-z_][\w.-]*:([A-Za-z_][\w.-]*)$")


def pinned_key(known_hosts, host, port):
    wanted = "[%s]:%d" % (host, port) if port != 22 else host
    with open(known_hosts) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and wanted in parts[0].split(","):
                return parts[2]
    raise SystemExit("RESULT fail: no known_hosts entry for %s in %s" % (wanted, known_hosts))


def leaves(root):
    """Multiset of (path, value) for every leaf; list entries are told apart by their key-like leaf children."""
    out = collections.Counter()

    def walk(el, path):
        kids = [k for k in el if isinstance(k.tag, str)]
        if not kids:
            text = (el.text or "").strip()
            m = IDENTITY.match(text)
            out[(path, m.group(1) if m else text)] += 1
            return
        # a list entry's identity: its leaf children that also appear under its config/ container (OpenConfig keys)
        keys = tuple(sorted((etree.QName(k).localname, (k.text or "").strip().split(":")[-1])
                            for k in kids if len(k) == 0 and el.find("{%s}config" % etree.QName(el).namespace) is not None))
        for k in kids:
            walk(k, path + ((etree.QName(k).namespace, etree.QName(k).localname, keys),))

    for top in root:
        if isinstance(top.tag, str):
            walk(top, ((etree.QName(top).namespace, etree.QName(top).localname, ()),))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--username", required=True)
    ap.add_argument("--password-file", required=True)
    ap.add_argument("--known-hosts", required=True)
    ap.add_argument("--config", required=True, help="file holding the <config> element to push")
    ap.add_argument("--confirm-timeout", type=int, default=60)
    ap.add_argument("--no-validate", action="store_true",
                    help="skip <validate> (yuma123 netconfd drops pending candidate edits on validate)")
    a = ap.parse_args()

    with open(a.password_file) as f:
        password = f.read().strip()
    with open(a.config, "rb") as f:
        config_xml = f.read().decode("utf-8")
    sent = etree.fromstring(config_xml.encode("utf-8"))
    if etree.QName(sent).localname != "config":
        print("RESULT fail: %s does not hold a <config> element" % a.config)
        return 2

    step_name = "connect"
    t = time.perf_counter()

    def done(name):
        nonlocal t
        now = time.perf_counter()
        print("STEP %s ok %.1fms" % (name, (now - t) * 1000.0), flush=True)
        t = now

    try:
        with manager.connect(host=a.host, port=a.port, username=a.username, password=password,
                             hostkey_b64=pinned_key(a.known_hosts, a.host, a.port),
                             look_for_keys=False, allow_agent=False, timeout=30) as m:
            done("connect")
            step_name = "lock"
            m.lock(target="candidate"); done(step_name)
            step_name = "edit-config"
            m.edit_config(target="candidate", config=config_xml); done(step_name)
            if not a.no_validate:
                step_name = "validate"
                m.validate(source="candidate"); done(step_name)
            step_name = "confirmed-commit"
            m.commit(confirmed=True, timeout=str(a.confirm_timeout)); done(step_name)
            step_name = "confirming-commit"
            m.commit(); done(step_name)
            step_name = "unlock"
            m.unlock(target="candidate"); done(step_name)
            step_name = "get-config"
            reply = m.get_config(source="running"); done(step_name)
            data = reply.data_ele
            want, have = leaves(sent), leaves(data)
            missing = want - have
            if missing:
                (path, value), _ = next(iter(missing.items()))
                where = "/".join(p[1] for p in path)
                print("RESULT fail: running lacks %d of %d pushed leaves, e.g. %s = %r"
                      % (sum(missing.values()), sum(want.values()), where, value))
                return 1
            done("compare")
            step_name = "close"
        done("close")
    except RPCError as e:
        print("RESULT fail: %s answered rpc-error %s (%s) at %s: %s"
              % (step_name, e.tag, e.severity, e.path, (e.message or "").strip()))
        return 1
    except Exception as e:  # one sentence, no stack trace
        print("RESULT fail: %s failed: %s: %s" % (step_name, type(e).__name__, str(e).splitlines()[0] if str(e) else ""))
        return 1
    print("RESULT ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
