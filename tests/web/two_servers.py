#!/usr/bin/env python3
"""Two `jixiao serve` processes on one PostgreSQL (issue 20): nothing that matters is held in one
process's memory. Log in on A, use that session and its CSRF token on B for a state-changing
request, start a job on A and follow it from B, log out on B and see the session gone on A.
Login failures on A count on B. A job running on A is not failed when another process starts on
the store; its PDF downloads from B; after a SIGKILL of A its running job is failed by B with a
reason, and A's (stand-in) LibreOffice processes do not survive it.
Run under tests/pg_server.sh (JIXIAO_TEST_DB_URL); 77 when no server is given.
Usage: two_servers.py JIXIAO --pg"""
import os
import signal
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import webtest  # noqa: E402


def moved(client, server):
    """The same browser session (cookies and CSRF token) talking to another process."""
    other = webtest.Client(server)
    other.jar = dict(client.jar)
    other.csrf = client.csrf
    return other


def alive(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def jobs_across(binary, a, b, ev_a, failures):
    """A's running job survives another process starting on the store; its file downloads from
    B; after a SIGKILL of A, B fails A's running job with a reason and A's office processes die."""
    workbook = webtest.entry_workbook(binary, os.path.join(webtest.ROOT, "data/cases/maqiao-2024"),
                                      a.data)
    eid = webtest.create_evaluation(ev_a, "两进程心跳", workbook=workbook)
    r = ev_a.api_post("/api/v1/evaluations/%s/pdf" % eid)
    webtest.check(r.status == 202, "start a PDF job on A: %d" % r.status, failures)
    job = r.json()["job"]
    time.sleep(0.5)
    # A third process starting on the same store (as a second node behind a load balancer) used
    # to fail every running job at its start-up.
    c = webtest.Server(binary, data=tempfile.mkdtemp(prefix="jixiao-web-test-c-"), office="none",
                       db=a.db)
    c.stop()
    ev_b = moved(ev_a, b)
    j = ev_b.get("/api/v1/jobs/%d" % job).json()
    # Not failed by C's start-up; it may have finished already (C's start takes seconds under
    # load, the stand-in office 4 s).
    webtest.check(j["state"] in ("running", "done"), "A's job not failed after C started: %s" % j,
                  failures)
    j = webtest.wait_job(ev_b, job, 120)
    webtest.check(j["state"] == "done", "A's job finishes: %s" % j, failures)
    if j["state"] == "done":
        r = ev_b.get(j["download"])
        webtest.check(r.status == 200 and r.body.startswith(b"%PDF-1.4\n% jixiao fake office"),
                      "A's PDF downloads from B: %d %r" % (r.status, r.body[:40]), failures)
    # SIGKILL A in the middle of a job: B fails it (A's process is gone from this host).
    open(os.environ["FAKE_OFFICE_PIDS"], "w").close()
    r = ev_a.api_post("/api/v1/evaluations/%s/pdf" % eid)
    job = r.json()["job"]
    started = []
    for _ in range(100):
        with open(os.environ["FAKE_OFFICE_PIDS"]) as f:
            started = [int(p) for p in f.read().split()]
        if started:
            break
        time.sleep(0.1)
    webtest.check(len(started) == 2 and all(alive(p) for p in started),
                  "A's office stand-in and its child run: %s" % started, failures)
    a.proc.send_signal(signal.SIGKILL)
    a.proc.wait()
    j = webtest.wait_job(ev_b, job, 30)
    webtest.check(j["state"] == "failed" and "已停止" in j["message"],
                  "B fails the job of the killed A: %s" % j, failures)
    end = time.time() + 10
    while time.time() < end and any(alive(p) for p in started):
        time.sleep(0.1)
    left = [p for p in started if alive(p)]
    webtest.check(not left, "A's office processes outlive it: %s" % left, failures)
    for p in left:
        os.kill(p, signal.SIGKILL)  # started by this test's server
    # A again on the same data folder and store, for the rest of the test.
    a.log.close()
    a.__init__(binary, data=a.data, office="none", db=a.db)


def throttle_across(a, b, failures):
    """Five failed logins for an account on A lock it on B (the counts are in the store)."""
    for i in range(5):
        r = webtest.Client(a if i % 2 else b).login("eval2", password="wrong-password-%d" % i)
        webtest.check(r.status == 401, "failed login %d: %d" % (i, r.status), failures)
    r = webtest.Client(b).login("eval2")
    webtest.check(r.status == 429, "B refuses eval2 after failures on A and B: %d" % r.status,
                  failures)
    r = webtest.Client(a).login("eval2")
    webtest.check(r.status == 429, "A refuses eval2 too: %d" % r.status, failures)
    webtest.check(webtest.Client(b).login("unit2").status == 200, "another account logs in on B",
                  failures)


def main(binary):
    if not os.environ.get("JIXIAO_TEST_DB_URL"):
        print("two_servers: JIXIAO_TEST_DB_URL not set (run under tests/pg_server.sh)")
        return 77
    failures = []
    fake = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fake_office.sh")
    pids = tempfile.mktemp(prefix="jixiao-fake-office-pids-")
    os.environ["FAKE_OFFICE_PIDS"] = pids
    os.environ["FAKE_OFFICE_SECONDS"] = "4"
    a = webtest.Server(binary, office=fake)
    # B: its own data folder (scratch files), the same store; the accounts are already there.
    b = webtest.Server(binary, data=tempfile.mkdtemp(prefix="jixiao-web-test-b-"), office=fake,
                       db=a.db, extra=["--job-stale-seconds", "4"])
    try:
        webtest.check(a.port != b.port, "two ports", failures)
        unit_a = webtest.Client(a)
        r = unit_a.login("unit1")
        webtest.check(r.status == 200, "login on A: %d" % r.status, failures)
        unit_b = moved(unit_a, b)
        me = unit_b.get("/api/v1/me")
        webtest.check(me.status == 200 and me.json().get("user") == "unit1",
                      "A's session is known to B: %d %s" % (me.status, me.text()[:200]), failures)
        # A state-changing request on B with A's session and CSRF token.
        sid = webtest.upload_selfeval(unit_b)
        shown = unit_a.get("/api/v1/selfevals/%s" % sid)
        webtest.check(shown.status == 200, "a form saved through B is read on A: %d" % shown.status,
                      failures)
        r = unit_b.api_post("/api/v1/selfevals/%s/submit" % sid)
        webtest.check(r.status == 200, "submit on B: %d %s" % (r.status, r.text()[:200]), failures)
        webtest.check(unit_a.get("/api/v1/selfevals/%s" % sid).json().get("submitted") is True,
                      "A sees the submission made on B", failures)
        r = unit_b.api_post("/api/v1/selfevals/%s/submit" % sid, csrf="0" * 32)
        webtest.check(r.status == 403, "B refuses a wrong CSRF token: %d" % r.status, failures)

        # A job started on A, followed from B (its state is in the store).
        ev_a = webtest.Client(a)
        ev_a.login("eval1")
        eid = webtest.create_evaluation(ev_a, "两进程任务")
        r = ev_a.api_post("/api/v1/evaluations/%s/pdf" % eid)
        webtest.check(r.status == 202, "start a job on A: %d %s" % (r.status, r.text()[:200]),
                      failures)
        if r.status == 202:
            job = r.json()["job"]
            ev_b = moved(ev_a, b)
            j = ev_b.get("/api/v1/jobs/%d" % job)
            webtest.check(j.status == 200 and j.json().get("state") in ("running", "done", "failed"),
                          "B sees A's job: %d %s" % (j.status, j.text()[:200]), failures)
            other = webtest.Client(b)
            other.login("eval2")
            webtest.check(other.get("/api/v1/jobs/%d" % job).status == 404,
                          "another evaluator does not reach it on B", failures)

        jobs_across(binary, a, b, ev_a, failures)
        throttle_across(a, b, failures)
        unit_a = webtest.Client(a)  # A was restarted; the session is in the store
        unit_a.jar, unit_a.csrf = dict(unit_b.jar), unit_b.csrf

        # Log out on B: the session is gone on A too.
        r = unit_b.api_post("/api/v1/logout")
        webtest.check(r.status in (200, 204, 303), "logout on B: %d" % r.status, failures)
        webtest.check(unit_a.get("/api/v1/me").status == 401,
                      "the session logged out on B is gone on A", failures)
    finally:
        b.stop()
        a.stop()
    for f in failures:
        print("FAIL:", f)
    print("two servers: %d failures" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
