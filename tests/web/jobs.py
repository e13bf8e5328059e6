#!/usr/bin/env python3
"""Background jobs of `jixiao serve`: the report PDF runs as a job whose progress is read from the
store (so it survives a reload), only its owner reaches it, a server killed mid-job marks the job
failed at the next start with a reason and leaves no LibreOffice process of that job behind, and a
finished job's PDF downloads. Uses LibreOffice when
installed (soffice on PATH); without it the job must fail with a Chinese reason.
Usage: jobs.py JIXIAO"""
import os
import urllib.parse
import shutil
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import webtest  # noqa: E402


def office_of(data):
    """Pids of live processes whose command line names a LibreOffice profile under DATA."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                cmd = f.read().decode("utf-8", "replace")
            with open("/proc/%s/stat" % pid) as f:
                zombie = f.read().rsplit(")", 1)[1].split()[0] == "Z"
        except OSError:
            continue
        if "UserInstallation" in cmd and data in cmd and not zombie:
            found.append(int(pid))
    return found


def main(binary):
    office = shutil.which("soffice") or shutil.which("libreoffice")
    server = webtest.Server(binary, office="" if office else "none")
    failures = []
    data = server.data
    try:
        workbook = webtest.entry_workbook(binary, os.path.join(webtest.ROOT, "data/cases/maqiao-2024"), data)
        ev = webtest.Client(server)
        ev.login("eval1")
        eid = webtest.create_evaluation(ev, "任务测试", workbook=workbook)
        r = ev.api_post("/api/v1/evaluations/%s/pdf" % eid)
        webtest.check(r.status == 202, "start PDF job: %d %s" % (r.status, r.text()[:200]), failures)
        job = r.json()["job"]
        other = webtest.Client(server)
        other.login("eval2")
        webtest.check(other.get("/api/v1/jobs/%d" % job).status == 404, "another evaluator reaches the job", failures)
        webtest.check(other.get("/jobs/%d/download" % job).status == 404, "another evaluator downloads the job", failures)
        admin = webtest.Client(server)
        admin.login("adm1")
        webtest.check(admin.get("/api/v1/jobs/%d" % job).status == 403, "admin reaches a job", failures)
        page = ev.get("/jobs/%d" % job)
        webtest.check(page.status == 200 and "<progress" in page.text(), "job page with a progress bar", failures)
        if office:
            # Killed mid-job: the next start marks it failed with a reason.
            time.sleep(0.5)
            state = ev.get("/api/v1/jobs/%d" % job).json()["state"]
            webtest.check(state == "running", "PDF job still running after 0.5 s: %s" % state, failures)
            office_procs = []
            for _ in range(100):  # LibreOffice of this job: its profile is in DATA/tmp
                office_procs = office_of(data)
                if office_procs:
                    break
                time.sleep(0.1)
            webtest.check(office_procs, "LibreOffice runs for the job", failures)
            server.proc.send_signal(signal.SIGKILL)
            server.proc.wait()
            server.log.close()
            end = time.time() + 10
            while time.time() < end and office_of(data):
                time.sleep(0.2)
            left = office_of(data)
            webtest.check(not left, "LibreOffice of the killed server's job survives: %s" % left,
                          failures)
            for pid in left:
                os.kill(pid, signal.SIGKILL)  # started by this test's server
            server = webtest.Server(binary, data=data, office="")
            ev = webtest.Client(server)
            ev.login("eval1")
            j = ev.get("/api/v1/jobs/%d" % job).json()
            webtest.check(j["state"] == "failed" and "重启" in j["message"],
                          "job after restart: %s" % j, failures)
            r = ev.api_post("/api/v1/evaluations/%s/pdf" % eid)
            job = r.json()["job"]
            j = webtest.wait_job(ev, job, 240)
            webtest.check(j["state"] == "done", "PDF job: %s" % j, failures)
            if j["state"] == "done":
                r = ev.get(j["download"])
                webtest.check(r.status == 200 and r.body[:4] == b"%PDF" and
                              (r.header("Content-Disposition") or "").startswith("attachment"),
                              "PDF download: %d" % r.status, failures)
                # Saved under the evaluation's name, as the DOCX is (not report.pdf).
                shown = urllib.parse.unquote(r.header("Content-Disposition") or "")
                webtest.check("任务测试-评价报告.pdf" in shown, "PDF file name: %s" % shown, failures)
        else:
            j = webtest.wait_job(ev, job, 60)
            webtest.check(j["state"] == "failed" and j["message"], "PDF without LibreOffice: %s" % j, failures)
        print("jobs: %d failures" % len(failures))
    finally:
        server.stop()
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
