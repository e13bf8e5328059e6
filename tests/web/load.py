#!/usr/bin/env python3
"""Bounded load test of `jixiao serve` on 127.0.0.1 only: 1,000 mixed requests (page views, the
score API, the bureau overview, target-table uploads) at concurrency 50 must all succeed, then 20
concurrent workbook imports into 20 different evaluations must all land (none lost). Prints
p50/p99 latency (the figures in docs/benchmarks.md). Usage: load.py JIXIAO [--requests N]"""
import concurrent.futures
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import webtest  # noqa: E402


def main(argv):
    binary = argv[1]
    total = int(argv[argv.index("--requests") + 1]) if "--requests" in argv else 1000
    server = webtest.Server(binary)
    failures = []
    try:
        workbook = webtest.entry_workbook(binary, os.path.join(webtest.ROOT, "data/cases/maqiao-2024"), server.data)
        with open(workbook, "rb") as f:
            wb_bytes = f.read()
        with open(webtest.WEAK_TARGETS, "rb") as f:
            targets_bytes = f.read()
        unit, ev, bureau = webtest.Client(server), webtest.Client(server), webtest.Client(server)
        unit.login("unit1"), ev.login("eval1"), bureau.login("bur1")
        tid = webtest.upload_targets(unit)
        eid = webtest.create_evaluation(ev, "负载测试评价", workbook=workbook)

        def one(i):
            kind = i % 6
            t = time.perf_counter()
            if kind == 0:
                r = bureau.get("/evaluations/" + eid)
            elif kind == 1:
                r = ev.get("/api/v1/evaluations/" + eid)
            elif kind == 2:
                r = bureau.get("/bureau")
            elif kind == 3:
                r = unit.get("/targets/" + tid)
            elif kind == 4:
                r = unit.api_post("/api/v1/targets", fields={"title": "负载%d" % i, "year": "2025"},
                                  files={"file": ("targets.csv", targets_bytes)})
            else:
                r = unit.get("/static/app.css")
            ok = r.status in (200, 201)
            return time.perf_counter() - t, ok, "%d %d" % (kind, r.status)

        start = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(max_workers=50) as pool:
            results = list(pool.map(one, range(total)))
        wall = time.perf_counter() - start
        errors = [x[2] for x in results if not x[1]]
        lat = sorted(x[0] for x in results)
        p50 = lat[len(lat) // 2] * 1000
        p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000
        print("load: %d requests at concurrency 50 in %.1f s: %d errors, p50 %.0f ms, p99 %.0f ms"
              % (total, wall, len(errors), p50, p99))
        if errors:
            failures.append("%d failed requests, e.g. %s" % (len(errors), errors[:5]))
        uploads = sum(1 for i in range(total) if i % 6 == 4)
        listed = len(unit.get("/api/v1/targets").json()["targets"])
        if listed != uploads + 1:
            failures.append("uploads lost: %d listed, %d expected" % (listed, uploads + 1))
        # 20 concurrent imports into 20 different evaluations.
        ids = [webtest.create_evaluation(ev, "并发导入%02d" % i, town="镇%02d" % i) for i in range(20)]

        def imp(eid_):
            r = ev.api_post("/api/v1/evaluations/%s/import" % eid_, fields={"version": "1"},
                            files={"file": ("entry.xlsx", wb_bytes)})
            return r.status

        t = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(max_workers=20) as pool:
            codes = list(pool.map(imp, ids))
        took = time.perf_counter() - t
        landed = 0
        for eid_ in ids:
            d = ev.get("/api/v1/evaluations/" + eid_).json()
            landed += d["version"] == 2 and d["score"] is not None
        print("20 concurrent imports in %.1f s: statuses %s, %d of 20 landed and scored"
              % (took, sorted(set(codes)), landed))
        if landed != 20 or any(c != 200 for c in codes):
            failures.append("concurrent imports: %s, %d landed" % (codes, landed))
    finally:
        server.stop()
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
