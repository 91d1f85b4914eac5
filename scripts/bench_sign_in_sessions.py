#!/usr/bin/env python3
"""Signs staff accounts in through the real pages (password, then TOTP
enrolment) and prints one session cookie per line. Used by scripts/bench-sign-in.
   bench_sign_in_sessions.py BASE_URL PASSWORD EMAIL...
"""
import base64, hashlib, hmac, re, struct, sys, time, urllib.parse, urllib.request


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
        res = opener.open(req)
    except urllib.error.HTTPError as e:  # 3xx and 4xx arrive here
        res = e
    body = res.read().decode()
    for header in res.headers.get_all("Set-Cookie") or []:
        if header.startswith("loket_session="):
            cookie = header.split(";")[0]
    return res.status, res.headers.get("Location", ""), body, cookie


def token(body):
    return re.search(r'name="token" value="([^"]+)"', body).group(1)


def totp(secret, offset=0):
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    step = int(time.time()) // 30 + offset
    mac = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    o = mac[-1] & 15
    return "%06d" % ((struct.unpack(">I", mac[o:o + 4])[0] & 0x7FFFFFFF) % 1000000)


def sign_in(base, email, password):
    _, _, body, _ = call(base, "/aanmelden")
    status, location, _, cookie = call(base, "/aanmelden", None, {"token": token(body), "email": email, "password": password})
    assert status == 303 and "tweede-factor" in location, (status, location)
    _, _, page, cookie = call(base, "/aanmelden/tweede-factor", cookie)
    secret = re.search(r'id="totp-secret">([^<]+)<', page).group(1).replace(" ", "")
    status, _, _, cookie = call(base, "/aanmelden/tweede-factor", cookie, {"token": token(page), "code": totp(secret), "next": "/beheer"})
    assert status == 200, status
    return cookie


if __name__ == "__main__":
    base, password, emails = sys.argv[1], sys.argv[2], sys.argv[3:]
    for email in emails:
        print(sign_in(base, email, password))
