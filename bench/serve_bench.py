#!/usr/bin/env python3
"""Benchmark for issue 20: `jixiao serve`'s bureau pages at 10^4 and 10^5 evaluations. For each N:
a new store (SQLite in a temporary folder, or the PostgreSQL URL in JIXIAO_TEST_DB_URL with --pg,
run under tests/pg_server.sh), a bureau account of region 区03, serve_seed N (20 regions), then
serve started and, logged in as the bureau, 25 timed GETs each of /bureau, a filtered /bureau and
/bureau/review over HTTP (after 3 untimed); prints median and p95, and serve's peak RSS (VmHWM).
With --exports, then the region's two downloads once each (/bureau/export/review, 复核汇总, and
/bureau/export/compare, compare.xlsx), each with its time and serve's peak RSS after it.
With $SERVE_BENCH_SAVE (a folder) the downloads are kept there as WHAT-N.xlsx.
Usage: serve_bench.py JIXIAO SERVE_SEED N [N…] [--pg] [--exports]"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "web"))
import webtest  # noqa: E402

PAGES = [("/bureau", "dashboard"),
         ("/bureau?year=2024&town=%E9%95%8703&kind=evaluation", "filtered (year, town)"),
         ("/bureau/review", "复核 list")]


def status_kb(pid, field):
    for line in open("/proc/%d/status" % pid):
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def run(binary, seed, n, pg):
    url = os.environ.get("JIXIAO_TEST_DB_URL") if pg else None
    data = tempfile.mkdtemp(prefix="jixiao-serve-bench-")
    store = ["--db", url] if url else []
    if url:  # an empty database per N
        subprocess.run(["psql", url, "-qc", "DROP SCHEMA public CASCADE; CREATE SCHEMA public"],
                       check=True, stdout=subprocess.DEVNULL)
    subprocess.run([binary, "user", "add", "bench-eval", "--role", "evaluator", "--region", "区03",
                    "--password-stdin", "--data", data] + store, input="bench-pass-001\n", text=True,
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run([binary, "user", "add", "bench-bureau", "--role", "bureau", "--region", "区03",
                    "--password-stdin", "--data", data] + store, input="bench-pass-002\n", text=True,
                   check=True, stdout=subprocess.DEVNULL)
    t = time.time()
    subprocess.run([seed, url or os.path.join(data, "jixiao.db"), str(n), "1"], check=True)
    print("N=%d (%s): seeded in %.1f s" % (n, "PostgreSQL" if url else "SQLite", time.time() - t))
    server = webtest.Server(binary, data=data, db=url)
    try:
        c = webtest.Client(server)
        assert c.login("bench-bureau", "bench-pass-002").status == 200
        for path, label in PAGES:
            for _ in range(3):
                r = c.get(path)
                assert r.status == 200, (path, r.status, r.text()[:300])
            times = []
            for _ in range(25):
                t0 = time.perf_counter()
                r = c.get(path)
                times.append((time.perf_counter() - t0) * 1000)
                assert r.status == 200
            times.sort()
            p95 = times[int(len(times) * 0.95) - 1]
            print("  GET %-52s %-22s median %7.1f ms  p95 %7.1f ms  (%d bytes)"
                  % (path, label, statistics.median(times), p95, len(r.body)))
        print("  serve RSS now %d MB, peak (VmHWM) %d MB" %
              (status_kb(server.proc.pid, "VmRSS") // 1024, status_kb(server.proc.pid, "VmHWM") // 1024))
        if "--exports" in sys.argv:
            for what in ("review", "compare"):
                t0 = time.perf_counter()
                r = c.get("/bureau/export/" + what)
                print("  GET /bureau/export/%-8s %d, %.1f s, %d bytes; serve peak (VmHWM) %d MB" %
                      (what, r.status, time.perf_counter() - t0, len(r.body),
                       status_kb(server.proc.pid, "VmHWM") // 1024))
                if os.environ.get("SERVE_BENCH_SAVE") and r.status == 200:  # to compare builds
                    with open(os.path.join(os.environ["SERVE_BENCH_SAVE"],
                                           "%s-%d.xlsx" % (what, n)), "wb") as out:
                        out.write(r.body)
                if r.status != 200:  # the page's message, without markup
                    import re
                    text = re.sub(r"<[^>]+>", " ", r.text())
                    print("    " + " ".join(text.split())[:300])
    finally:
        try:
            server.stop()
        except AssertionError as e:  # the page scan (webtest): reported, the next N still runs
            print("  note: %s" % e)
    print("  load average: %s" % open("/proc/loadavg").read().strip())


def main():
    args = [a for a in sys.argv[1:] if a not in ("--pg", "--exports")]
    for n in args[2:]:
        run(os.path.abspath(args[0]), os.path.abspath(args[1]), int(n), "--pg" in sys.argv)


if __name__ == "__main__":
    main()
