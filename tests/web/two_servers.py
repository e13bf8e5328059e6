#!/usr/bin/env python3
"""Two `jixiao serve` processes on one PostgreSQL (issue 20): nothing that matters is held in one
process's memory. Log in on A, use that session and its CSRF token on B for a state-changing
request, start a job on A and follow it from B, log out on B and see the session gone on A.
Run under tests/pg_server.sh (JIXIAO_TEST_DB_URL); 77 when no server is given.
Usage: two_servers.py JIXIAO --pg"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import webtest  # noqa: E402


def moved(client, server):
    """The same browser session (cookies and CSRF token) talking to another process."""
    other = webtest.Client(server)
    other.jar = dict(client.jar)
    other.csrf = client.csrf
    return other


def main(binary):
    if not os.environ.get("JIXIAO_TEST_DB_URL"):
        print("two_servers: JIXIAO_TEST_DB_URL not set (run under tests/pg_server.sh)")
        return 77
    failures = []
    a = webtest.Server(binary, office="none")
    # B: its own data folder (scratch files), the same store; the accounts are already there.
    b = webtest.Server(binary, data=tempfile.mkdtemp(prefix="jixiao-web-test-b-"), office="none",
                       db=a.db)
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
