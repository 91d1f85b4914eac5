#!/usr/bin/env python3
"""Signs a funder in through the real pages, then times the results page for
2026 and its PDF report, and checks that the CSV export holds the recounted
number of contacts. Used by scripts/bench-monitoring.
   bench_monitoring_http.py BASE_URL EMAIL PASSWORD RECOUNTED_CONTACTS
"""
import csv, io, re, sys, time, urllib.parse, urllib.request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(NoRedirect)


def call(base, path, cookie=None, form=None):
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    req = urllib.request.Request(base + path, data=data)
    if cookie:
        req.add_header("Cookie", cookie)
    try:
        res = opener.open(req, timeout=120)
    except urllib.error.HTTPError as e:  # 3xx and 4xx arrive here
        res = e
    body = res.read()
    for header in res.headers.get_all("Set-Cookie") or []:
        if header.startswith("loket_session="):
            cookie = header.split(";")[0]
    return res.status, res.headers.get("Location", ""), body, cookie


def sign_in(base, email, password):
    _, _, body, _ = call(base, "/aanmelden")
    token = re.search(r'name="token" value="([^"]+)"', body.decode()).group(1)
    status, location, _, cookie = call(base, "/aanmelden", None, {"token": token, "email": email, "password": password})
    assert status == 303 and "tweede-factor" not in location, (status, location)
    return cookie


def timed(base, path, cookie, runs):
    times, body = [], b""
    for _ in range(runs):
        start = time.perf_counter()
        status, _, body, _ = call(base, path, cookie)
        times.append((time.perf_counter() - start) * 1000)
        assert status == 200, (path, status)
    times.sort()
    p = lambda q: times[min(len(times) - 1, max(0, int(len(times) * q + 0.999) - 1))]
    return p(0.5), p(0.99), body


if __name__ == "__main__":
    base, email, password, recount = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    cookie = sign_in(base, email, password)
    p50, p99, page = timed(base, "/beheer/resultaten?jaar=2026", cookie, 100)
    print(f"results page for 2026: p50 {p50:.0f} ms, p99 {p99:.0f} ms over 100 requests ({len(page) // 1024} KiB)")
    p50, p99, pdf = timed(base, "/beheer/resultaten/export?jaar=2026&formaat=pdf", cookie, 10)
    assert pdf.startswith(b"%PDF"), "a PDF"
    print(f"PDF report for 2026: p50 {p50:.0f} ms, p99 {p99:.0f} ms over 10 requests ({len(pdf) // 1024} KiB)")
    _, _, text, _ = call(base, "/beheer/resultaten/export?jaar=2026&formaat=csv", cookie)
    cells = [c for row in csv.reader(io.StringIO(text.decode("utf-8-sig"))) for c in row]
    found = recount in cells
    print(f"CSV export holds the recounted {recount} contacts: {'yes' if found else 'NO'}")
    sys.exit(0 if found else 1)
