#!/usr/bin/env python3
"""Times the dashboard's fleet page (scripts/bench-dashboard.sh runs it against a live `portcullis serve`).

1. Signs in with the read token (POST /login, the token in the body) and keeps the session cookie.
2. First byte: N GET / over a fresh connection each, the time from sending the request until the status line and
   headers have arrived (http.client's getresponse()), and the time until the whole body is read.
3. Page complete in Chromium: drives Debian's chromedriver over its W3C WebDriver HTTP API (no Selenium, nothing
   downloaded), headless chromium, loads / M times and reads the Navigation Timing entry: responseStart (first byte
   as the browser saw it) and loadEventEnd (page complete: HTML parsed, CSS and fleet.js loaded, load event done).
4. Where the time goes: the Navigation Timing phases of each load (HTML received, parsed = domInteractive, deferred
   script run = domContentLoadedEventEnd, first contentful paint) and Chromium's own per-document main-thread
   counters (CDP Performance.getMetrics: layout, style recalculation, script, the rest = HTML parse and paint) at the
   load event; then, for three loads, the same counters' growth over fleet.js's first poll (2.5 s after load).

Usage: dashboard_timing.py BASE_URL READ_TOKEN [N=30] [M=10] [PAGE=/]   (env CHROMIUM, CHROMEDRIVER override the paths)
PAGE is the fleet page's path and query, e.g. "/?all=1" (every router listed rather than the first page).
"""
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request


def stats(label, ms):
    ms = sorted(ms)
    p90 = ms[min(len(ms) - 1, int(0.9 * len(ms) + 0.999) - 1)]
    print(f"{label:34s} n={len(ms):<3d} min={ms[0]:7.1f}  median={statistics.median(ms):7.1f}  p90={p90:7.1f}  max={ms[-1]:7.1f} ms")
    return statistics.median(ms)


def sign_in(base, token):
    u = urllib.parse.urlsplit(base)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    c.request("POST", "/login", body=urllib.parse.urlencode({"token": token}),
              headers={"Content-Type": "application/x-www-form-urlencoded"})
    r = c.getresponse()
    r.read()
    if r.status != 303:
        sys.exit(f"dashboard_timing: sign-in answered {r.status}, expected 303")
    cookie = r.getheader("Set-Cookie").split(";", 1)[0]
    c.close()
    return cookie


def first_byte(base, cookie, n, page):
    u = urllib.parse.urlsplit(base)
    ttfb, total, size = [], [], 0
    for _ in range(n):
        c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
        c.connect()
        t0 = time.perf_counter()
        c.request("GET", page, headers={"Cookie": cookie})
        r = c.getresponse()
        t1 = time.perf_counter()
        body = r.read()
        t2 = time.perf_counter()
        c.close()
        if r.status != 200:
            sys.exit(f"dashboard_timing: GET / answered {r.status}")
        ttfb.append((t1 - t0) * 1000)
        total.append((t2 - t0) * 1000)
        size = len(body)
    return ttfb, total, size


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def wd(port, method, path, body=None):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read() or b"{}").get("value")


def chromium(base, cookie, m, page):
    driver = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
    binary = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not (os.access(driver, os.X_OK) and os.access(binary, os.X_OK)):
        print(f"chromium: skipped ({binary} or {driver} missing; apt-get install chromium chromium-driver)")
        return None
    port = free_port()
    proc = subprocess.Popen([driver, f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                wd(port, "GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {"binary": binary, "args": [
            "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,900",
            "--no-first-run", "--disable-extensions"]}}}}
        session = wd(port, "POST", "/session", caps)["sessionId"]
        try:
            wd(port, "POST", f"/session/{session}/url", {"url": base + "/login"})
            name, value = cookie.split("=", 1)
            wd(port, "POST", f"/session/{session}/cookie", {"cookie": {"name": name, "value": value, "path": "/", "httpOnly": True}})
            first, complete, rows = [], [], 0
            phases, load_tasks, poll_tasks = {}, {}, {}
            wd(port, "POST", f"/session/{session}/goog/cdp/execute", {"cmd": "Performance.enable", "params": {}})
            for i in range(m + 1):
                wd(port, "POST", f"/session/{session}/url", {"url": base + page + ("&" if "?" in page else "?") + "bench=" + str(i)})
                t = wd(port, "POST", f"/session/{session}/execute/sync", {"script": """
                    const n = performance.getEntriesByType('navigation')[0];
                    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
                    return [n.responseStart - n.startTime, n.loadEventEnd - n.startTime,
                            document.querySelectorAll('#fleet tbody tr').length,
                            n.responseEnd - n.startTime, n.domInteractive - n.startTime,
                            n.domContentLoadedEventEnd - n.startTime, fcp ? fcp.startTime : -1,
                            document.getElementsByTagName('*').length];""", "args": []})
                load = metrics(port, session)
                if i == 0:
                    continue  # the first load warms the browser's cache of CSS and script
                first.append(t[0])
                complete.append(t[1])
                rows = t[2]
                for k, v in zip(["HTML received (responseEnd)", "HTML parsed (domInteractive)",
                                 "deferred script done (DOMContentLoaded end)", "first contentful paint",
                                 "DOM elements"], t[3:]):
                    phases.setdefault(k, []).append(v)
                for k, v in load.items():
                    load_tasks.setdefault(k, []).append(v)
                if i <= 3:  # the first poll of fleet.js, 2.5 s after it started: wait for it, then measure it
                    time.sleep(3.2)
                    for k, v in metrics(port, session).items():
                        poll_tasks.setdefault(k, []).append(v - load[k])
            return first, complete, rows, phases, load_tasks, poll_tasks
        finally:
            wd(port, "DELETE", f"/session/{session}")
    finally:
        proc.terminate()
        proc.wait()


# Chromium's own per-document main-thread counters (CDP Performance.getMetrics through chromedriver), in seconds;
# "other" is the rest of the main thread's tasks: HTML parsing, paint, the browser's own bookkeeping.
METRICS = {"LayoutDuration": "layout", "RecalcStyleDuration": "style recalc", "ScriptDuration": "script",
           "V8CompileDuration": "script compile", "TaskOtherDuration": "other (HTML parse, paint, ...)",
           "TaskDuration": "main thread busy, total"}


def metrics(port, session):
    """The document's cumulative main-thread time per kind (ms) and its layout count."""
    m = wd(port, "POST", f"/session/{session}/goog/cdp/execute", {"cmd": "Performance.getMetrics", "params": {}})
    values = {x["name"]: x["value"] for x in m["metrics"]}
    out = {label: values.get(name, 0.0) * 1000 for name, label in METRICS.items()}
    out["layouts (count)"] = values.get("LayoutCount", 0)
    return out


def main():
    base, token = sys.argv[1].rstrip("/"), sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    m = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    page = sys.argv[5] if len(sys.argv) > 5 else "/"
    cookie = sign_in(base, token)
    ttfb, total, size = first_byte(base, cookie, n, page)
    print(f"fleet page {page}: {size:,} bytes of HTML")
    stats("GET / first byte", ttfb)
    stats("GET / whole page (HTML)", total)
    c = chromium(base, cookie, m, page)
    if c:
        first, complete, rows, phases, load_tasks, poll_tasks = c
        print(f"chromium: {rows} rows in the fleet table")
        stats("chromium first byte", first)
        stats("chromium page complete (load)", complete)
        print("where the time goes, per load (ms since navigation start):")
        for k, v in phases.items():
            stats("  " + k, v)
        print("main thread busy per kind until the load event (ms, Chromium's Performance.getMetrics):")
        for k, v in sorted(load_tasks.items()):
            stats("  " + k, v)
        print("main thread busy per kind during fleet.js's first poll (ms):")
        for k, v in sorted(poll_tasks.items()):
            stats("  " + k, v)
    print("load average: " + open("/proc/loadavg").read().split(" ", 3)[0:3].__str__())


if __name__ == "__main__":
    main()
