#!/usr/bin/env python3
"""Open-loop load: POST /api/v1/contacts at a fixed rate for a fixed time.

Requests are sent on schedule (request i at t0 + i/rate) over a pool of
keep-alive connections; latency is measured from the scheduled time, so a
slow server cannot hide queueing (no coordinated omission).

  bench_contacts.py <base-url> <api-token> <service-id> <rate> <seconds> [connections]
Prints one JSON line: sent, created, failed, p50/p90/p99/max in ms.
"""
import asyncio
import json
import sys
import time
from urllib.parse import urlparse


async def worker(host, port, queue, token, body_for, results):
    reader, writer = await asyncio.open_connection(host, port)
    while True:
        item = await queue.get()
        if item is None:
            break
        i, scheduled = item
        body = body_for(i)
        req = (
            f"POST /api/v1/contacts HTTP/1.1\r\nHost: {host}\r\n"
            f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode() + body
        writer.write(req)
        await writer.drain()
        status_line = await reader.readline()
        length = 0
        while True:
            line = await reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value.strip())
        if length:
            await reader.readexactly(length)
        status = int(status_line.split()[1])
        results.append((status, (time.perf_counter() - scheduled) * 1000))
    writer.close()


async def main():
    base, token, service, rate, seconds = sys.argv[1:6]
    connections = int(sys.argv[6]) if len(sys.argv) > 6 else 16
    rate, seconds = float(rate), float(seconds)
    url = urlparse(base)
    channels = ["walk-in", "phone", "email", "chat", "event"]
    topics = [["tax"], ["health-insurance"], ["social-security", "tax"], [], ["pension"]]

    def body_for(i):
        # One in ten is a follow-up with a person (the heavier write: the person's
        # key is counted for the monitoring as well); people come back.
        named = i % 10 == 0
        person = {"name": "Person %d" % (i % 500), "contact": "person%d@bench.test" % (i % 500),
                  "basis": "consent"} if named else {}
        return json.dumps({
            **person,
            "service_id": service,
            "channel": channels[i % 5],
            "topics": topics[i % 5],
            "residence_country": ["DE", "BE", "NL"][i % 3],
            "work_country": "NL",
            "language": ["nl", "de", "en", "fr"][i % 4],
            "outcome": "follow-up" if named else "answered",
            "minutes": 1 + i % 20,
        }).encode()

    queue = asyncio.Queue()
    results = []
    workers = [asyncio.create_task(worker(url.hostname, url.port, queue, token, body_for, results))
               for _ in range(connections)]
    total = int(rate * seconds)
    t0 = time.perf_counter() + 0.2
    for i in range(total):
        scheduled = t0 + i / rate
        delay = scheduled - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        queue.put_nowait((i, scheduled))
    for _ in workers:
        queue.put_nowait(None)
    await asyncio.gather(*workers)
    lat = sorted(ms for _, ms in results)
    pct = lambda p: round(lat[min(len(lat) - 1, int(len(lat) * p))], 2)
    print(json.dumps({
        "sent": total,
        "created": sum(1 for s, _ in results if s == 201),
        "failed": sum(1 for s, _ in results if s != 201),
        "p50_ms": pct(0.50), "p90_ms": pct(0.90), "p99_ms": pct(0.99), "max_ms": round(lat[-1], 2),
    }))


asyncio.run(main())
