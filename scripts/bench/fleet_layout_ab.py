#!/usr/bin/env python3
"""The fleet page's browser cost alone, A/B in one Chromium session (no lab, no serve running beside it).

scripts/bench-dashboard.sh times the real page, but on a shared 2-core machine the lab's 1,000 simulators and serve
run beside the browser and the load moves between runs. This script isolates what the page change did: it writes
static copies of the fleet page in the template's own row markup (N routers, mixed platforms, a few drifted) as the
dashboard rendered them before and after the change, serves them from a local HTTP server, and loads them in
turn (A, B, C, A, B, C, ...) so every variant sees the same load:

  before   every row, inventory order, the old stylesheet (git show REV:.../dashboard.css)
  after    problems first, the first 200 rows, the new stylesheet (table-layout: fixed)
  all      every row, problems first, the new stylesheet (what ?all=1 costs)

Usage: fleet_layout_ab.py OLD_CSS NEW_CSS [N=1000] [ROUNDS=10]
"""
import functools
import http.server
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
import dashboard_timing as dt  # noqa: E402

PLATFORMS = ["junos", "iosxr", "sros", "vrp", "openconfig", "ietf"]


def row(i, drifted):
    name = f"lab-{PLATFORMS[i % 6]}-{i:04d}"
    state, text, sym = ("drifted", "drifted", "✗") if drifted else ("in_policy", "in policy", "✓")
    return (f'<tr data-router="{name}" class="state-{state}">\n<th scope="row"><a href="/routers/{name}">{name}</a></th>\n'
            f'<td>{PLATFORMS[i % 6]}</td>\n<td>bng, lab</td>\n'
            f'<td class="state"><span class="badge state-{state}"><span class="sym" aria-hidden="true">{sym}</span> '
            f'<span class="text">{text}</span></span></td>\n'
            f'<td class="revision">8778cc3a12ef (sha256:c3c12ca73c9c…)</td>\n'
            f'<td class="last-check"><time datetime="2026-12-06T05:00:00Z">12 s ago</time></td>\n'
            f'<td class="dropped"><span class="n">{(i * 37) % 5000:,}</span> <span class="hint"></span></td>\n</tr>\n')


def page(css, rows, colgroup):
    counts = "".join(f'<li><a class="count state-{s}" href="/?state={s}"><span class="n">1</span> {s}</a></li>'
                     for s in ["in_policy", "drifted", "pending", "unreachable", "unchecked"])
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Fleet</title>'
            f'<link rel="stylesheet" href="/{css}"></head><body><header class="top"><span class="brand">Portcullis</span>'
            f'</header><main id="main"><h1>Fleet</h1><ul class="counts">{counts}</ul>'
            f'<table id="fleet" class="fleet"><caption>One row per router</caption>{colgroup}'
            '<thead><tr><th scope="col">Router</th><th scope="col">Platform</th><th scope="col">Groups</th>'
            '<th scope="col">State</th><th scope="col">Revision</th><th scope="col">Last check</th>'
            f'<th scope="col">Dropped probes, last hour</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
            '</main></body></html>')


def main():
    old_css, new_css = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    drifted = {i for i in range(n) if i % 97 == 5}
    inventory = [row(i, i in drifted) for i in range(n)]
    problems_first = [row(i, True) for i in sorted(drifted)] + [row(i, False) for i in range(n) if i not in drifted]
    cols = ('<colgroup><col class="c-router"><col class="c-platform"><col class="c-groups"><col class="c-state">'
            '<col class="c-revision"><col class="c-check"><col class="c-dropped"></colgroup>')
    d = tempfile.mkdtemp(prefix="fleet-ab-")
    for name, src in (("old.css", old_css), ("new.css", new_css)):
        with open(os.path.join(d, name), "w") as f:
            f.write(open(src).read())
    variants = {"before": page("old.css", inventory, ""), "after": page("new.css", problems_first[:200], cols),
                "all": page("new.css", problems_first, cols)}
    for name, html in variants.items():
        with open(os.path.join(d, name + ".html"), "w") as f:
            f.write(html)
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=d)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"

    port = dt.free_port()
    proc = subprocess.Popen(["/usr/bin/chromedriver", f"--port={port}"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    results = {k: {"complete": [], "layout": [], "elements": 0} for k in variants}
    try:
        for _ in range(100):
            try:
                dt.wd(port, "GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": "/usr/bin/chromium", "args": ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                                                    "--disable-gpu", "--window-size=1400,900"]}}}}
        session = dt.wd(port, "POST", "/session", caps)["sessionId"]
        dt.wd(port, "POST", f"/session/{session}/goog/cdp/execute", {"cmd": "Performance.enable", "params": {}})
        for r in range(rounds + 1):
            for name in variants:
                dt.wd(port, "POST", f"/session/{session}/url", {"url": f"{base}/{name}.html?r={r}"})
                t = dt.wd(port, "POST", f"/session/{session}/execute/sync", {"script": """
                    const n = performance.getEntriesByType('navigation')[0];
                    return [n.loadEventEnd - n.startTime, document.getElementsByTagName('*').length];""", "args": []})
                m = dt.metrics(port, session)
                if r == 0:
                    continue  # warm-up round: CSS cached, browser warmed
                results[name]["complete"].append(t[0])
                results[name]["layout"].append(m["layout"])
                results[name]["elements"] = t[1]
        dt.wd(port, "DELETE", f"/session/{session}")
    finally:
        proc.terminate()
        proc.wait()
        server.shutdown()
    for name, res in results.items():
        print(f"{name}: {res['elements']} elements")
        dt.stats(f"  {name} page complete", res["complete"])
        dt.stats(f"  {name} layout", res["layout"])
    print("load average: " + " ".join(open("/proc/loadavg").read().split(" ")[0:3]))


if __name__ == "__main__":
    main()
