"""Shared helpers for the web tests: start `jixiao serve` on a free 127.0.0.1 port with a temporary
data folder and one account per role, and a small HTTP client with cookies and CSRF handling.
Only the standard library (http.client), so the tests run wherever python3 runs."""
import html
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid

ROLES = {
    # name: (role, unit, region, password)
    "unit1": ("unit", "古美社区", "闵行区", "unit-pass-0001"),
    "unit2": ("unit", "马桥镇", "闵行区", "unit-pass-0002"),
    "eval1": ("evaluator", "", "闵行区", "eval-pass-0001"),
    "eval2": ("evaluator", "", "闵行区", "eval-pass-0002"),
    "bur1": ("bureau", "", "闵行区", "bureau-pass-01"),
    "unit3": ("unit", "花木街道", "浦东新区", "unit-pass-0003"),
    "eval3": ("evaluator", "", "浦东新区", "eval-pass-0003"),
    "bur2": ("bureau", "", "浦东新区", "bureau-pass-02"),
    "adm1": ("admin", "", "", "admin-pass-001"),
}


# What of the machine a browser user must never read on a page (issue 21): file:line places, file
# names, command-line options and commands, JSON paths and rule codes. Every HTML page any web test
# fetches through Client is scanned (its visible text, outside the fields the user typed into);
# Server.stop() fails the test when one was shown.
INTERNAL_WORDS = (r"\.csv:", r"\.json", r"--", r"jixiao [a-z]", r"\$\.", r"rule\.",
                  # webtrial4 item 4: the checker's rule codes (采纳建议 T31), a case's file names
                  # and the saved table's row map, raw ids (…-framework, 24 hex digits).
                  r"(?<![A-Za-z0-9])T\d{2}(?![0-9])", r"targets\.csv", r"lines=", r"-framework\b",
                  r"(?<![0-9a-f])[0-9a-f]{24}(?![0-9a-f])")
# Where naming a file type is the instruction itself (the survey upload takes a .json file).
INTERNAL_ALLOWED = ("问卷题目文件（.json", "（.json，", "（.json 文件）", "指标体系的 .json 文件",
                    "（文件 targets.csv）")  # the name of the file the user uploaded
SHOWN_INTERNAL = []


def internal_words(page):
    """The internal words in a page's visible text, each with the text around it."""
    text = re.sub(r"<(script|style|textarea|option)\b.*?</\1>", " ", page, flags=re.S | re.I)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    for allowed in INTERNAL_ALLOWED:
        text = text.replace(allowed, " ")
    found = []
    for word in INTERNAL_WORDS:
        m = re.search(word, text)
        if m:
            at = m.start()
            found.append("%r in …%s…" % (word, " ".join(text[max(0, at - 40):at + 40].split())))
    return found


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, binary, data=None, office="none", db=None, extra=()):
        self.binary = os.path.abspath(binary)
        # --pg on a test's command line (run under tests/pg_server.sh): the store in PostgreSQL.
        self.db = db or (os.environ.get("JIXIAO_TEST_DB_URL") if "--pg" in sys.argv else None)
        store = ["--db", self.db] if self.db else []
        self.office = office
        fresh = data is None
        self.data = data or tempfile.mkdtemp(prefix="jixiao-web-test-")
        for name, (role, unit, region, password) in (ROLES.items() if fresh else []):
            args = [self.binary, "user", "add", name, "--role", role, "--password-stdin",
                    "--data", self.data] + store
            if unit:
                args += ["--unit", unit]
            if region:
                args += ["--region", region]
            subprocess.run(args, input=password + "\n", text=True, check=True,
                           stdout=subprocess.DEVNULL)
        self.port = free_port()
        self.log = open(os.path.join(self.data, "serve.log"), "a")
        self.proc = subprocess.Popen(
            [self.binary, "serve", "--listen", "127.0.0.1:%d" % self.port, "--data", self.data] + store +
            list(extra),
            stdout=self.log, stderr=subprocess.STDOUT,
            env=dict(os.environ, JIXIAO_OFFICE=office) if office else
            {k: v for k, v in os.environ.items() if k != "JIXIAO_OFFICE"})
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("server did not start")
        self.base = "http://127.0.0.1:%d" % self.port

    def stop(self, keep=False):
        shown = sorted(set(SHOWN_INTERNAL))
        del SHOWN_INTERNAL[:]
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()
        if not keep:
            shutil.rmtree(self.data, ignore_errors=True)
        if shown:
            for hit in shown:
                print("FAIL: a page shows an internal word: " + hit, file=sys.stderr)
            raise AssertionError("%d page(s) show internal words (webtest.INTERNAL_WORDS)" % len(shown))

    def routes(self):
        out = subprocess.run([self.binary, "serve", "--routes"], capture_output=True, text=True,
                             check=True).stdout
        return json.loads(out)


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def cookies(self):
        return [v for k, v in self.headers if k.lower() == "set-cookie"]

    def text(self):
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)


class Client:
    def __init__(self, server):
        self.server = server
        self.jar = {}
        self.csrf = ""

    def request(self, method, path, fields=None, files=None, headers=None, raw=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=120)
        h = dict(headers or {})
        body = raw
        if files:
            boundary = uuid.uuid4().hex
            parts = []
            for k, v in (fields or {}).items():
                parts.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n" %
                              (boundary, k)).encode() + str(v).encode() + b"\r\n")
            for k, (name, data) in files.items():
                parts.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"; "
                              "filename=\"%s\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                              % (boundary, k, name)).encode() + data + b"\r\n")
            body = b"".join(parts) + ("--%s--\r\n" % boundary).encode()
            h["Content-Type"] = "multipart/form-data; boundary=" + boundary
        elif fields is not None:
            body = urllib.parse.urlencode(fields).encode()
            h["Content-Type"] = "application/x-www-form-urlencoded"
        if self.jar:
            h["Cookie"] = "; ".join("%s=%s" % kv for kv in self.jar.items())
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        resp = Response(r.status, r.getheaders(), r.read())
        conn.close()
        if "text/html" in (resp.header("Content-Type") or ""):
            for hit in internal_words(resp.text()):
                SHOWN_INTERNAL.append("%s %s: %s" % (method, path.split("?")[0], hit))
        for c in resp.cookies():
            name, _, rest = c.partition("=")
            value = rest.split(";")[0]
            if "Max-Age=0" in c:
                self.jar.pop(name, None)
            else:
                self.jar[name] = value
        return resp

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def api_post(self, path, fields=None, files=None, csrf=None):
        return self.request("POST", path, fields=fields or {}, files=files,
                            headers={"X-CSRF-Token": self.csrf if csrf is None else csrf})

    def login(self, name, password=None):
        password = password or ROLES[name][3]
        r = self.request("POST", "/api/v1/login", fields={"name": name, "password": password},
                         headers={"X-CSRF-Token": "login"})
        if r.status == 200:
            self.csrf = r.json()["csrf"]
        return r

    def page_login(self, name, password=None):
        """Logs in through the HTML form, as a browser does."""
        page = self.get("/login").text()
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
        r = self.request("POST", "/login", fields={"csrf": token, "name": name,
                                                   "password": password or ROLES[name][3]})
        me = self.get("/api/v1/me")
        if me.status == 200:
            self.csrf = me.json()["csrf"]
        return r


def score_json(binary, case_dir):
    out = subprocess.run([binary, "score", case_dir, "--json"], capture_output=True, text=True,
                         env=dict(os.environ, JIXIAO_OFFICE="none"))
    return json.loads(out.stdout)


def wait_job(client, job, timeout):
    """The job's state once it is no longer running (or after `timeout` seconds)."""
    end = time.time() + timeout
    while time.time() < end:
        j = client.get("/api/v1/jobs/%d" % job).json()
        if j["state"] != "running":
            return j
        time.sleep(0.3)
    return client.get("/api/v1/jobs/%d" % job).json()



def visible(page, gap=" "):
    """The page's text as a reader sees it: scripts, styles and tags (with their attributes)
    removed; gap stands where a tag stood ("" joins a cell's text to its neighbour)."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", gap, page))


def check(cond, message, failures):
    if not cond:
        failures.append(message)
        print("FAIL:", message, file=sys.stderr)


ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
WEAK_TARGETS = os.path.join(ROOT, "data/targets/gumei-eldercare-2025-weak/targets.csv")


def entry_workbook(binary, case_dir, out_dir):
    """The entry workbook `jixiao sheet` writes for an example case (filled, as an evaluator's)."""
    out = os.path.join(out_dir, os.path.basename(case_dir) + "-entry.xlsx")
    subprocess.run([binary, "sheet", case_dir, "-o", out], check=True, stdout=subprocess.DEVNULL,
                   env=dict(os.environ, JIXIAO_OFFICE="none"))
    return out


def upload_targets(client, path=WEAK_TARGETS, year="2025", title="", into="new"):
    """A new table each call (into="new"); into="" lets a same-named upload become a version."""
    with open(path, "rb") as f:
        r = client.api_post("/api/v1/targets", fields={"year": year, "title": title, "into": into},
                            files={"file": (os.path.basename(path), f.read())})
    assert r.status == 201, (r.status, r.text())
    return r.json()["id"]


SELFEVAL_FORM = os.path.join(ROOT, "tests/golden/selfeval-check-text/form")


def upload_selfeval(client, folder=SELFEVAL_FORM, year="2024"):
    files = {}
    for part in ("form", "budget", "summary", "project"):
        path = os.path.join(folder, part + ".csv")
        if os.path.exists(path):
            with open(path, "rb") as f:
                files[part] = (part + ".csv", f.read())
    r = client.api_post("/api/v1/selfevals", fields={"year": year}, files=files)
    assert r.status == 201, (r.status, r.text())
    return r.json()["id"]


def create_evaluation(client, title, town="马桥镇", year="2024", region="", workbook=None):
    r = client.api_post("/api/v1/evaluations", fields={
        "title": title, "framework": "town-medical-aid-2024", "town": town, "year": year,
        "unit": town + "受理中心", "department": town + "人民政府", "region": region})
    assert r.status == 201, (r.status, r.text())
    eid = r.json()["id"]
    if workbook:
        with open(workbook, "rb") as f:
            r = client.api_post("/api/v1/evaluations/%s/import" % eid, fields={"version": "1"},
                                files={"file": ("entry.xlsx", f.read())})
        assert r.status == 200, (r.status, r.text())
    return eid
