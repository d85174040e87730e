#!/usr/bin/env python3
"""Load client for Scripts/bench/serve.sh: N threads of keep-alive HTTP/1.1 clients (stdlib only).

Phase 0: one client, the median of 10 warm requests of each kind. Phase 1: CLIENTS threads send a fixed mix (coverage, neighbors, query, render, and the server time
of each from a warm request) for SECONDS; prints the count of each status, the p50/p99/max latency
by kind. Phase 2: 10,000 requests of the mix without render while the server's RSS (/proc/PID/status VmRSS)
is sampled every 1,000 requests; prints the series.
"""
import argparse
import http.client
import random
import threading
import time
import urllib.parse

MIX = [
    ("coverage", "/api/coverage?" + urllib.parse.urlencode({"unit": "town", "by": "organization[type=商会]", "region": "十堰市"})),
    ("coverage", "/api/coverage?" + urllib.parse.urlencode({"unit": "village", "by": "figure", "via": "liaison_for"})),
    ("neighbors", "/api/neighbors?" + urllib.parse.urlencode({"node": "梁子镇", "depth": "1"})),
    ("neighbors", "/api/neighbors?" + urllib.parse.urlencode({"node": "420702", "depth": "1", "kind": "organization"})),
    ("query", "/api/query?" + urllib.parse.urlencode({"query": "MATCH (c:region {level: 'city'}) RETURN c.name AS name ORDER BY name"})),
    ("query", "/api/query?" + urllib.parse.urlencode({"query": "MATCH (o:organization {type: '商会'})-[:within]->(t:region) RETURN t.name, count(o) ORDER BY count(o) DESC LIMIT 5"})),
    ("render", "/api/render?" + urllib.parse.urlencode({"focus": "梁子镇", "depth": "1"})),
    ("info", "/api/info"),
]
WEIGHTS = [3, 2, 3, 2, 2, 1, 1, 2]


def percentile(values, fraction):
    values = sorted(values)
    return values[min(len(values) - 1, int(fraction * len(values)))] if values else float("nan")


def client(base, stop, results, lock, budget=None, mix=None):
    host = urllib.parse.urlparse(base)
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=120)
    local = []
    rng = random.Random(threading.get_ident())
    while not stop.is_set():
        if budget is not None:
            with lock:
                if budget[0] <= 0:
                    break
                budget[0] -= 1
        kind, path = rng.choice(mix) if mix else rng.choices(MIX, WEIGHTS)[0]
        began = time.perf_counter()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            status = response.status
        except Exception as error:  # a refused or reset connection counts as an error response
            status = f"exception {type(error).__name__}"
            connection.close()
            connection = http.client.HTTPConnection(host.hostname, host.port, timeout=120)
        local.append((kind, status, time.perf_counter() - began))
    with lock:
        results.extend(local)


def rss(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return -1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=10_000)
    arguments = parser.parse_args()

    # Phase 0: one client alone, 10 warm requests of each kind of the mix: the server time of one
    # request (plus loopback), with no queueing.
    host = urllib.parse.urlparse(arguments.base)
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=120)
    print("phase 0: one client, median of 10 warm requests")
    for kind, path in MIX:
        times = []
        for attempt in range(11):
            began = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
            if attempt:
                times.append((time.perf_counter() - began) * 1000)
        print(f"  {kind:<10} {percentile(times, 0.5):>8.1f} ms  {len(body):>8} bytes  {urllib.parse.unquote(path)[:90]}")
    connection.close()

    results, lock, stop = [], threading.Lock(), threading.Event()
    threads = [threading.Thread(target=client, args=(arguments.base, stop, results, lock)) for _ in range(arguments.clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    time.sleep(arguments.seconds)
    stop.set()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    statuses = {}
    for _, status, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    print(f"phase 1: {arguments.clients} clients, {elapsed:.1f} s, {len(results)} requests ({len(results) / elapsed:.0f}/s); statuses {statuses}")
    print(f"{'kind':<10} {'n':>6} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for kind in sorted({kind for kind, _ in MIX}):
        times = [seconds * 1000 for k, _, seconds in results if k == kind]
        print(f"{kind:<10} {len(times):>6} {percentile(times, 0.5):>8.1f} {percentile(times, 0.99):>8.1f} {max(times, default=0):>8.1f}")
    every = [seconds * 1000 for _, _, seconds in results]
    print(f"{'all':<10} {len(every):>6} {percentile(every, 0.5):>8.1f} {percentile(every, 0.99):>8.1f} {max(every, default=0):>8.1f}")

    # Phase 2: resident memory over a fixed number of requests, sampled as they complete.
    samples = [(0, rss(arguments.pid))]
    results2, budget, stop2 = [], [arguments.requests], threading.Event()
    # The lighter half of the mix (no render), so that 10,000 requests take minutes, not tens.
    light = [entry for entry in MIX if entry[0] != "render"]
    threads = [threading.Thread(target=client, args=(arguments.base, stop2, results2, lock, budget, light)) for _ in range(arguments.clients)]
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads):
        done = arguments.requests - max(budget[0], 0)
        if done - samples[-1][0] >= 1000:
            samples.append((done, rss(arguments.pid)))
        time.sleep(0.05)
    samples.append((arguments.requests, rss(arguments.pid)))
    bad = sum(1 for _, status, _ in results2 if status != 200)
    print(f"phase 2: {len(results2)} requests, {bad} not 200; RSS MiB by requests sent: "
          + ", ".join(f"{n}: {mib}" for n, mib in samples))


if __name__ == "__main__":
    main()
