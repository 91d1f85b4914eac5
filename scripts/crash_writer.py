#!/usr/bin/env python3
"""Writes client contacts through the API at a fixed rate until the server dies.

Every contact the server acknowledged (201 with its id) is appended to ACKED, one
id per line, flushed at once: what a client was told is saved. Requests whose
answer never came (the server was killed) are counted as unanswered, not as
acknowledged. Used by scripts/crash-test.

  crash_writer.py <base-url> <api-token> <service-id> <rate> <acked-file>
"""
import json
import socket
import sys
import time
from urllib.parse import urlparse


def post(host, port, token, body):
    with socket.create_connection((host, port), timeout=5) as s:
        s.sendall((
            f"POST /api/v1/contacts HTTP/1.1\r\nHost: {host}\r\n"
            f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        ).encode() + body)
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    head, _, payload = data.partition(b"\r\n\r\n")
    status = int(head.split()[1]) if head else 0
    return status, payload


def main():
    base, token, service, rate, acked_path = sys.argv[1:6]
    url = urlparse(base)
    rate = float(rate)
    acked = open(acked_path, "a")
    sent = unanswered = 0
    t0 = time.perf_counter()
    i = 0
    while True:
        due = t0 + i / rate
        delay = due - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        body = json.dumps({
            "service_id": service, "channel": "phone", "topics": ["tax"],
            "residence_country": "DE", "work_country": "NL", "language": "de",
            "outcome": "answered", "minutes": 1 + i % 20,
        }).encode()
        i += 1
        sent += 1
        try:
            status, payload = post(url.hostname, url.port, token, body)
        except OSError:
            unanswered += 1
            break  # the server is gone
        if status == 201:
            acked.write(json.loads(payload)["id"] + "\n")
            acked.flush()
        elif status == 0:
            unanswered += 1
            break
        else:
            print(f"unexpected status {status}: {payload[:200]!r}", file=sys.stderr)
            sys.exit(2)
    print(json.dumps({"sent": sent, "unanswered": unanswered}))


if __name__ == "__main__":
    main()
