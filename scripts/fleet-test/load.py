#!/usr/bin/env python3
"""Load driver for scripts/fleet-test/run.sh (standard library only). Each phase prints one JSON line of figures
and exits non-zero when its assertion fails."""
import argparse, http.client, json, random, statistics, sys, threading, time, uuid, zlib

AI = [("/api/auto-generate-prompt", lambda r: {"basicPrompt": f"a fox crossing a frozen river {r.randint(0, 40)}"}),
      ("/api/structure-prompt", lambda r: {"currentPrompt": f"A lighthouse at dusk, waves {r.randint(0, 40)}, slow dolly."}),
      ("/api/generate-suggestions", lambda r: {"category": "lighting", "count": 3}),
      ("/api/enhance-prompt", lambda r: {"currentPrompt": "A fox in snow", "enhancement": {"title": "Golden hour", "description": "warm low sun", "category": "lighting"}})]
READS = [("GET", "/api/catalog", None), ("GET", "/api/health", None), ("GET", "/api/targets", None),
         ("POST", "/api/lint-prompt", lambda r: {"prompt": "A fox runs through snow at dawn, 35mm, slow dolly."})]


class Client:
    def __init__(self, port, client_ip):
        self.port, self.ip, self.conn = port, client_ip, None

    def call(self, method, path, body=None, headers=None):
        data = json.dumps(body).encode() if body is not None else None
        h = {"X-Fleet-Client": self.ip, "Content-Type": "application/json"}
        h.update(headers or {})
        for attempt in (0, 1):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                self.conn.request(method, path, body=data, headers=h)
                resp = self.conn.getresponse()
                text = resp.read()
                return resp.status, text
            except (ConnectionError, http.client.HTTPException, OSError):
                self.conn = None
                if attempt:
                    return 0, b""  # transport failure: never counted as an acknowledged save
        return 0, b""


def run_workers(count, per_worker, fn):
    results, lock = [], threading.Lock()

    def work(i):
        local = fn(i, per_worker)
        with lock:
            results.extend(local)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(count)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    return results


def ratelimit(a):
    ip = a.client
    statuses = run_workers(16, a.n * 3 // 16 + 1, lambda i, k: [Client(a.port, ip).call("POST", "/api/structure-prompt", {"currentPrompt": f"rl {j}"})[0] for j in range(k)])
    ok = sum(1 for s in statuses if s == 200)
    limited = sum(1 for s in statuses if s == 429)
    print(json.dumps({"phase": "rate-limit", "n": a.n, "sent": len(statuses), "admitted": ok, "limited": limited}))
    return ok == a.n and ok + limited == len(statuses)


def workspace(c):
    status, text = c.call("POST", "/api/workspaces", {})
    if status not in (200, 201):
        return None
    return json.loads(text)["key"]


def mixed(a):
    saves_log = open(a.saves, "a")
    lock = threading.Lock()

    def worker(i, k):
        r = random.Random(i)
        # Each phase acts as its own set of clients, so per-client AI limits of one phase do not spill into the next.
        c = Client(a.port, f"10.{100 + zlib.crc32(a.label.encode()) % 100}.{i // 250}.{i % 250 + 1}")
        key = workspace(c) if a.writes else None
        if a.writes and key is None:
            return [("workspace", 0, 0.0)]
        out = []
        for j in range(k):
            pick = r.random()
            start = time.monotonic()
            if a.writes and pick < a.write_share:
                marker = f"fleetmark-{uuid.uuid4().hex}"
                status, _ = c.call("POST", "/api/prompts", {"title": marker, "text": f"A fox at dawn {marker}"}, {"Authorization": f"Bearer {key}"})
                if 200 <= status < 300:
                    with lock:
                        saves_log.write(marker + "\n")
                kind = "save"
            elif pick < a.write_share + 0.25:
                path, body = r.choice(AI)
                status, _ = c.call("POST", path, body(r))
                kind = "ai"
            else:
                method, path, body = r.choice(READS)
                status, _ = c.call(method, path, body(r) if body else None)
                kind = "read"
            out.append((kind, status, time.monotonic() - start))
        return out

    started = time.monotonic()
    results = run_workers(a.clients, a.requests // a.clients, worker)
    saves_log.close()
    elapsed = time.monotonic() - started
    by_status = {}
    for _, s, _ in results:
        by_status[s] = by_status.get(s, 0) + 1
    fivexx = sum(v for s, v in by_status.items() if s >= 500)
    transport = by_status.get(0, 0)
    print(json.dumps({"phase": a.label, "requests": len(results), "seconds": round(elapsed, 1), "rps": round(len(results) / elapsed),
                      "status": {str(k): v for k, v in sorted(by_status.items())}, "5xx": fivexx, "transport_errors": transport,
                      "saves_acknowledged": sum(1 for k, s, _ in results if k == "save" and 200 <= s < 300)}))
    return a.allow_errors or (fivexx == 0 and transport == 0)


def cache(a):
    c = Client(a.port, "10.79.0.1")
    miss, hit = [], []
    for i in range(a.n):
        body = {"basicPrompt": f"a paper boat drifting down a gutter {uuid.uuid4().hex[:8]}"}
        for bucket in (miss, hit):
            start = time.monotonic()
            status, text = c.call("POST", "/api/auto-generate-prompt", body)
            bucket.append((time.monotonic() - start) * 1000)
            if status != 200 or json.loads(text)["cached"] != (bucket is hit):
                print(json.dumps({"phase": "cache", "error": f"status {status}", "body": text.decode()[:200]}))
                return False
    print(json.dumps({"phase": "cache", "samples": a.n, "miss_ms_median": round(statistics.median(miss), 1), "hit_ms_median": round(statistics.median(hit), 1)}))
    return True


def inflight(a):
    results = run_workers(a.n, 1, lambda i, k: [Client(a.port, f"10.80.0.{i + 1}").call("POST", "/api/auto-generate-prompt", {"basicPrompt": f"a slow boat {i} {uuid.uuid4().hex[:6]}"})[0]])
    print(json.dumps({"phase": "sigterm-inflight", "requests": len(results), "ok": sum(1 for s in results if s == 200), "statuses": results}))
    return all(s == 200 for s in results)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("phase")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--n", type=int, default=50)
    p.add_argument("--client", default="10.77.0.1")
    p.add_argument("--clients", type=int, default=64)
    p.add_argument("--requests", type=int, default=5120)
    p.add_argument("--writes", action="store_true")
    p.add_argument("--write-share", type=float, default=0.3)
    p.add_argument("--saves", default="/dev/null")
    p.add_argument("--label", default="mixed-load")
    p.add_argument("--allow-errors", action="store_true")
    a = p.parse_args()
    ok = {"ratelimit": ratelimit, "mixed": mixed, "cache": cache, "inflight": inflight}[a.phase](a)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
