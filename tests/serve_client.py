#!/usr/bin/env python3
"""serve_client.py — the API of `covenant serve` and hostile requests against
it, run by tests/test_serve.sh on a server it started on a free loopback port.

usage: serve_client.py PORT COVENANT_BIN LIBRARY [TIMEOUT_SECONDS]

Every check prints FAIL with what it saw; the last line is
"serve: N passed, N failed".  Only 127.0.0.1 is ever contacted.
"""
import gzip
import http.client
import json
import socket
import subprocess
import sys
import threading
import time

PORT = int(sys.argv[1])
BIN = sys.argv[2]
DB = sys.argv[3]
IDLE = float(sys.argv[4]) if len(sys.argv) > 4 else 2.0
HOST = "127.0.0.1"
passed = failed = 0


def ok(name, cond, detail=""):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {name}" + (f": {detail}" if detail else ""), flush=True)


def get(path, headers=None, method="GET"):
    c = http.client.HTTPConnection(HOST, PORT, timeout=30)
    c.request(method, path, headers=headers or {})
    r = c.getresponse()
    body = r.read()
    h = {k.lower(): v for k, v in r.getheaders()}
    c.close()
    return r.status, h, body


def getj(path):
    s, h, b = get(path)
    try:
        return s, h, json.loads(b)
    except ValueError:
        return s, h, None


def raw(data, read=True, timeout=10):
    """Send raw bytes; return what came back (b'' if the server closed)."""
    s = socket.create_connection((HOST, PORT), timeout=timeout)
    try:
        s.sendall(data)
    except OSError:
        pass
    out = b""
    if read:
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                out += chunk
                if b"\r\n\r\n" in out and len(out) > 4096 * 64:
                    break
        except OSError:
            pass
    s.close()
    return out


def status_of(resp):
    try:
        return int(resp.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return 0


def alive(name):
    s, _, b = get("/api")
    ok(name + ": still serving", s == 200 and b.startswith(b"{"), f"status {s}")


def cli(*args):
    return subprocess.run([BIN, *args, "--db", DB], capture_output=True, check=False).stdout


# ---- the API: same contracts as the CLI ----

s, h, j = getj("/api")
ok("index", s == 200 and j["format"] == 1 and j["counts"]["works"] >= 1, str(j))
ok("index type", h.get("content-type", "").startswith("application/json"))
ok("security headers", "default-src 'none'" in h.get("content-security-policy", "")
   and h.get("x-content-type-options") == "nosniff")

s, h, j = getj("/api/works")
ids = [w["id"] for w in j["works"]] if j else []
ok("works", s == 200 and "veridia" in ids, str(ids)[:200])
cl = json.loads(cli("list", "--format", "json"))
mine = [dict(w, versions=[{k: v for k, v in ver.items() if k != "sha256"} for ver in w["versions"]])
        for w in (j["works"] if j else [])]
ok("works = covenant list --format json (with sha256 added)", mine == cl["works"])

s, h, j = getj("/api/works/veridia")
ok("work", s == 200 and j["work"]["id"] == "veridia" and len(j["versions"]) == 2, str(j)[:300])
ok("work events", j and any(e["kind"] == "referendum" and e.get("turnout") == 61.4 for e in j["events"]), str(j)[:300])
hist = json.loads(cli("history", "veridia", "--format", "json"))
ok("work = covenant history", j and [e["kind"] for e in j["events"]] == [e["kind"] for e in hist["events"]]
   and [v["date"] for v in j["versions"]] == [v["date"] for v in hist["versions"]])
s, _, j = getj("/api/works/nosuch")
ok("work 404", s == 404 and j["error"]["status"] == 404)
s, _, j = getj("/api/works/a%40b")
ok("work id with @ is 400", s == 400, str(s))

s, h, body = get("/api/versions/veridia@2024-02-12/tree")
show = cli("show", "veridia@2024-02-12", "--format", "json")
ok("tree = covenant show --format json, byte for byte", s == 200 and body == show, f"{s} {len(body)} {len(show)}")
tree = json.loads(body)
ok("tree has article 13", '"eid": "sec_II__art_13"' in body.decode())

s, _, j = getj("/api/versions/veridia@2024-02-12/check")
ok("check", s == 200 and j["format"] == 1 and j["findings"], str(s))
cc = json.loads(cli("check", "veridia@2024-02-12", "--format", "json"))
ok("check findings = covenant check", j and [f["id"] for f in j["findings"]] == [f["id"] for f in cc["findings"]])

s, _, j = getj("/api/versions/veridia:2024-07-01")
ok("version in force", s == 200 and j["version"]["date"] == "2024-02-12", str(j)[:200])
s, _, j = getj("/api/versions/veridia:2024-06-30")
ok("version in force before", s == 200 and j["version"]["date"] == "2015-05-01", str(j)[:200])
s, h, b = get("/api/versions/veridia@2024-02-12/text")
ok("text", s == 200 and h["content-type"].startswith("text/plain") and b"Veridia" in b)

s, h, b = get("/api/versions/veridia@2024-02-12/report")
ok("report: the HTML review of the version", s == 200 and h["content-type"].startswith("text/html")
   and b"Content-Security-Policy" in b and b'id="sec_II__art_11"' in b and b"<script" not in b, str(s))
s, h, b = get("/api/versions/veridia@2024-02-12/report?against=veridia@2015-05-01")
ok("report against an older version: the alignment picture", s == 200 and b"<svg" in b and b'id="pair-' in b, str(s))
s, _, j = getj("/api/versions/veridia@2024-02-12/report?against=nosuch@2000-01-01")
ok("report against an unknown version: 404", s == 404, str(s))

s, _, j = getj("/api/diff?old=veridia@2015-05-01&new=veridia@2024-02-12")
cd = json.loads(cli("diff", "veridia@2015-05-01", "veridia@2024-02-12", "--format", "json",
                    "--old-label", "veridia@2015-05-01", "--new-label", "veridia@2024-02-12"))
ok("diff", s == 200 and j["pairs"], str(s))
ok("diff = covenant diff --format json", j == cd, "differs")
s2, _, j2 = getj("/api/diff?old=veridia@2015-05-01&new=veridia@2024-02-12")
ok("diff again (cached) is the same", j2 == j)

s, _, j = getj("/api/search?q=assemble&right=iccpr:21")
ok("search", s == 200 and any(hh["work"] == "veridia" for hh in j["hits"]), str(j)[:300])
cs = json.loads(cli("search", "assemble", "--right", "iccpr:21", "--format", "json"))
ok("search = covenant search --format json", j["hits"] == cs["hits"])
s, _, j = getj("/api/search?q=%22unbalanced")
ok("search FTS syntax error is 400", s == 400 and j["error"]["status"] == 400, str(j))
for bad in ("right=99", "right=abc", "kind=poem", "limit=0", "limit=99999", "in_force_at=2024-13-45", "lang=../../x"):
    s, _, j = getj("/api/search?q=right&" + bad)
    ok(f"search {bad} is 400", s == 400 and j and "error" in j, f"{s} {j}")
s, _, j = getj("/api/search")
ok("search without q is 400", s == 400)
s, _, j = getj("/api/rights")
ok("rights", s == 200 and any(r["id"] == "iccpr:21" for r in j["rights"]))

# ETag, 304, gzip, HEAD
s, h, b = get("/api/versions/veridia@2024-02-12/tree")
etag = h.get("etag")
ok("etag", s == 200 and etag and etag.startswith('"'))
s, h2, b2 = get("/api/versions/veridia@2024-02-12/tree", {"If-None-Match": etag})
ok("304 on If-None-Match", s == 304 and b2 == b"", str(s))
s, h3, b3 = get("/api/versions/veridia@2024-02-12/tree", {"Accept-Encoding": "gzip, deflate"})
ok("gzip when asked", s == 200 and h3.get("content-encoding") == "gzip" and gzip.decompress(b3) == b
   and len(b3) < len(b) and h3.get("etag") != etag, str(h3))
s, h4, _ = get("/api/versions/veridia@2024-02-12/tree", {"Accept-Encoding": "gzip;q=0"})
ok("no gzip when q=0", s == 200 and "content-encoding" not in h4)
s, h5, b5 = get("/api/versions/veridia@2024-02-12/tree", method="HEAD")
ok("HEAD", s == 200 and b5 == b"" and h5.get("etag") == etag)
s, h, b = get("/")
ok("app", s == 200 and h["content-type"].startswith("text/html") and b"<script" in b)
s, h, b = get("/app.js")
ok("app.js", s == 200 and "javascript" in h["content-type"])
s, h, b = get("/", {"If-None-Match": get("/")[1]["etag"]})
ok("asset 304", s == 304)

# answers are kept, but never past a change of the library
s, _, j = getj("/api/works")
s, _, j2 = getj("/api/works")
ok("works again (kept) is the same", j == j2)
s, _, before = getj("/api/search?q=zebra")
import tempfile, os
with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
    f.write("Article 1. Every zebra has the right to roam.\n\nArticle 2. Citizens may assemble peacefully.\n")
subprocess.run([BIN, "import", f.name, "--db", DB, "-q", "--work", "zebra-law", "--kind", "law", "--date", "2020-02-02"],
               capture_output=True, check=True)
os.unlink(f.name)
s, _, j3 = getj("/api/works")
ok("an import while serving shows at once", any(w["id"] == "zebra-law" for w in j3["works"]), str(len(j3["works"])))
s, _, after = getj("/api/search?q=zebra")
ok("and in search", not before["hits"] and any(h["work"] == "zebra-law" for h in after["hits"]), str(after)[:200])

# ---- hostile requests ----

for path in (b"/../../etc/passwd", b"/%2e%2e/%2e%2e/etc/passwd", b"/..%2f..%2f..%2fetc%2fpasswd",
             b"/%252e%252e/%252e%252e/etc/passwd", b"/index.html/../../../../etc/passwd", b"//etc/passwd",
             b"/..\\..\\etc\\passwd", b"/%2e%2e%5c%2e%2e%5cetc%5cpasswd", b"/api/versions/..%2f..%2fetc%2fpasswd/tree",
             b"/api/versions/../../../etc/passwd", b"/api/../../etc/passwd", b"/%c0%ae%c0%ae/etc/passwd",
             b"/CMakeLists.txt", b"/web/index.html", b"/src/server/server.c", b"/index.html%00.png",
             b"/etc/passwd", b"file:///etc/passwd", b"http://127.0.0.1/etc/passwd"):
    resp = raw(b"GET " + path + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    st = status_of(resp)
    ok(f"traversal {path!r}", b"root:" not in resp and b"cmake_minimum" not in resp and b"#include" not in resp
       and (400 <= st < 500 or (st == 200 and b"<!doctype html>" in resp.lower())), resp[:120])
alive("after traversal")

resp = raw(b"GET /api HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"a" * 100000 + b"\r\n\r\n")
ok("oversized header refused", status_of(resp) in (400, 413, 431) or resp == b"", resp[:80])
resp = raw(b"GET /api HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"".join(b"X-H%d: v\r\n" % i for i in range(5000)) + b"\r\n")
ok("5000 headers refused", status_of(resp) in (400, 413, 431) or resp == b"", resp[:80])
resp = raw(b"GET /" + b"a" * 100000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
ok("oversized URL refused", status_of(resp) in (400, 414, 431) or resp == b"", resp[:80])
resp = raw(b"POST /api HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10000000\r\n\r\n" + b"x" * 100000)
ok("POST with a big body: 405", status_of(resp) == 405, resp[:80])
resp = raw(b"GET /api HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10000000\r\n\r\n" + b"x" * 100000)
ok("GET with a body: 413", status_of(resp) == 413, resp[:80])
resp = raw(b"GET /api HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
ok("GET chunked body: 413 or 400", status_of(resp) in (400, 413), resp[:80])
for m in (b"PUT", b"DELETE", b"PATCH", b"OPTIONS", b"TRACE", b"CONNECT", b"PROPFIND"):
    resp = raw(m + b" /api HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n")
    ok(f"{m.decode()} refused", status_of(resp) in (400, 405, 501), resp[:80])
resp = raw(b"GET /api HTTP/1.1\r\nHost: evil.example\r\n\r\n")
ok("foreign Host refused (DNS rebinding)", status_of(resp) == 403, resp[:80])
alive("after oversized and bodies")

for q in (b"/api/search?q=%ZZ&&=&q", b"/api/search?=&&&", b"/api/search?q", b"/api/search?q=%",
          b"/api/search?q=a&q=b&q=c", b"/api/search?q=" + b"%41" * 5000, b"/api/search?q=%00%00",
          b"/api/search?q=a%20NEAR(b", b"/api/search?q=*", b"/api/search?q=NOT", b"/api/search?q=)(",
          b"/api/search?right=21&right=22&q=x", b"/api/diff?old=&new=", b"/api/diff?old=veridia&new",
          b"/api/search?q=test&limit=-1", b"/api/search?q=test&limit=1e9", b"/api/search?q=%E2%82",
          b"/api/versions/veridia@2024-99-99/tree", b"/api/versions/" + b"v" * 300 + b"/tree",
          b"/api/versions/veridia@2024-02-12/tree?lang=%FF", b"/api/versions/veridia@2024-02-12/nope",
          b"/api/versions/veridia@2024-02-12/tree/extra", b"/api/works/", b"/api/versions/"):
    resp = raw(b"GET " + q + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    st = status_of(resp)
    ok(f"malformed query {q[:60]!r} answered", st in (200, 400, 404, 414, 431), resp[:100])
alive("after malformed queries")

for q in (b"/api/search?q=%FF%FE", b"/api/search?q=%C0%AF", b"/api/search?q=a&country=%ED%A0%80",
          b"/api/versions/%FF/tree", b"/%FF%FE", b"/api/works/%C3%28"):
    resp = raw(b"GET " + q + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    st = status_of(resp)
    body = resp.split(b"\r\n\r\n", 1)[-1]
    valid = True
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        valid = False
    ok(f"invalid UTF-8 {q!r}: 400 or 404, a UTF-8 answer", st in (400, 404) and valid, resp[:100])

for junk in (b"GARBAGE\r\n\r\n", b"GET\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"\x00\x01\x02\xff\r\n\r\n",
             b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n", b"GET /\x00/etc/passwd HTTP/1.1\r\n\r\n",
             b"\r\n" * 1000, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n",
             b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 99999999999999999999999\r\n\r\n"):
    resp = raw(junk)
    ok(f"junk {junk[:30]!r} answered or closed", b"root:" not in resp and (resp == b"" or status_of(resp) >= 400),
       resp[:80])
alive("after junk")

# 10,000 connections opened and dropped, 500 at a time, some after a partial request
t0 = time.time()
opened = 0
for batch in range(20):
    socks = []
    for i in range(500):
        try:
            s = socket.create_connection((HOST, PORT), timeout=5)
            if i % 3 == 1:
                s.send(b"GET /api/search?q=right HTTP/1.1\r\nHo")
            elif i % 3 == 2:
                s.send(b"GET /api HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            socks.append(s)
            opened += 1
        except OSError:
            pass
    for s in socks:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")  # RST
        s.close()
ok("10,000 connections opened", opened == 10000, str(opened))
alive(f"after 10,000 connections dropped ({time.time() - t0:.1f} s)")

# slow clients: idle ones and ones sending a byte at a time; others are still served
idle = [socket.create_connection((HOST, PORT), timeout=IDLE * 5) for _ in range(100)]
slow = [socket.create_connection((HOST, PORT), timeout=IDLE * 5) for _ in range(20)]
req = b"GET /api HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
stop = threading.Event()


def dribble():
    i = 0
    while not stop.is_set() and i < len(req) - 4:
        for s in slow:
            try:
                s.send(req[i:i + 1])
            except OSError:
                pass
        i += 1
        time.sleep(0.05)


th = threading.Thread(target=dribble)
th.start()
worst = 0.0
for _ in range(20):
    t = time.time()
    st, _, _ = get("/api/search?q=right")
    worst = max(worst, time.time() - t)
    ok("served beside slow clients", st == 200)
stop.set()
th.join()
ok("slow clients do not slow the others", worst < 2.0, f"{worst:.2f} s")
time.sleep(IDLE + 2)
closed = 0
for s in idle:
    try:
        s.settimeout(0.5)
        if s.recv(1) == b"":
            closed += 1
    except OSError:
        closed += 1
    s.close()
for s in slow:
    s.close()
ok("idle connections dropped after the timeout", closed == len(idle), f"{closed} of {len(idle)}")
alive("after slow clients")

# concurrency: 8 clients at once, keep-alive
errors = []


def worker(n):
    c = http.client.HTTPConnection(HOST, PORT, timeout=30)
    for i in range(40):
        path = ["/api/search?q=right&best=1", "/api/versions/veridia@2024-02-12/tree", "/api/works", "/"][i % 4]
        c.request("GET", path)
        r = c.getresponse()
        r.read()
        if r.status != 200:
            errors.append((path, r.status))
    c.close()


ths = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
for t in ths:
    t.start()
for t in ths:
    t.join()
ok("320 concurrent keep-alive requests", not errors, str(errors[:5]))

print(f"serve: {passed} passed, {failed} failed", flush=True)
sys.exit(1 if failed else 0)
