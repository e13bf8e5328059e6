#!/usr/bin/env python3
"""Starts `jixiao serve` with the bundled examples loaded, for trying the web application:
one account per role with a one-time random password (printed once, stored only as a hash),
the example cases (data/cases/*) as evaluations through the same API the pages use (entry
workbook from `jixiao sheet`, then the narrative sections), the example target tables
(data/targets/*) and an example 自评表 for the unit. Runs until Ctrl+C.
Usage: serve_example.py JIXIAO DATA_DIR [LISTEN]"""
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "web"))
import webtest  # noqa: E402

ACCOUNTS = [  # name, role, unit, region, label
    ("admin", "admin", "", "", "管理员"),
    ("bureau", "bureau", "", "闵行区", "财政局（闵行区）"),
    ("evaluator", "evaluator", "", "闵行区", "评价机构"),
    ("unit", "unit", "古美社区", "闵行区", "项目单位（古美社区）"),
]


def survey_metrics(binary, client, eid, folder, version):
    """A case whose satisfaction metrics come from its own survey/responses.csv: the server's copy
    of the case has no survey/ (survey upload in the browser is a separate page), so the metrics
    `jixiao score --json` computes from the answers are typed into the evaluation's entry form (the
    same fields as the workbook's 指标数据), each with the survey named as its source."""
    out = subprocess.run([binary, "score", folder, "--json"], capture_output=True, text=True,
                         env=dict(os.environ, JIXIAO_OFFICE="none"))
    computed = json.loads(out.stdout).get("metrics", {}) if out.returncode == 0 else {}
    form = client.get("/api/v1/evaluations/%s/entry" % eid).json()
    fields = {"version": str(version)}
    by_row = {}
    for f in form.get("fields", []):
        by_row.setdefault(f["name"].rsplit("_", 1)[0], {})[f["label"].rsplit(" ", 1)[-1]] = f
    for row in by_row.values():
        value = row.get("数值")
        if not value or value["value"] or not value["name"].startswith("m_"):
            continue
        name = value["label"].rsplit(" ", 1)[0]
        if name in computed:
            fields[value["name"]] = str(computed[name])
            source = next((f for k, f in row.items() if k.startswith("数据来源")), None)
            if source:
                fields[source["name"]] = "问卷调查（由 survey/responses.csv 计算）"
    if len(fields) == 1:
        return version
    r = client.api_post("/api/v1/evaluations/%s/entry" % eid, fields=fields)
    if r.status != 200:
        print("未能填入问卷指标 %s：%s" % (folder, r.text()[:300]), file=sys.stderr)
        return version
    return r.json()["version"]


def main(binary, data, listen):
    if os.path.exists(os.path.join(data, "jixiao.db")):
        sys.exit("数据目录 %s 已有数据；请换一个目录或删除它后重试" % data)
    os.makedirs(data, exist_ok=True)
    passwords = {}
    for name, role, unit, region, _ in ACCOUNTS:
        passwords[name] = secrets.token_urlsafe(12)
        args = [binary, "user", "add", name, "--role", role, "--password-stdin", "--data", data]
        if unit:
            args += ["--unit", unit]
        if region:
            args += ["--region", region]
        subprocess.run(args, input=passwords[name] + "\n", text=True, check=True, stdout=subprocess.DEVNULL)
    host, port = listen.rsplit(":", 1)
    if port == "0":
        port = str(webtest.free_port())
    proc = subprocess.Popen([binary, "serve", "--listen", "%s:%s" % (host, port), "--data", data])

    class Srv:  # what webtest.Client needs
        pass
    srv = Srv()
    srv.port = int(port)
    import socket
    import time
    for _ in range(100):
        try:
            socket.create_connection((host, srv.port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    try:
        ev = webtest.Client(srv)
        assert ev.login("evaluator", passwords["evaluator"]).status == 200
        scratch = tempfile.mkdtemp(prefix="jixiao-example-")
        for case in sorted(os.listdir(os.path.join(ROOT, "data/cases"))):
            folder = os.path.join(ROOT, "data/cases", case)
            meta = json.load(open(os.path.join(folder, "case.json"), encoding="utf-8"))
            project = meta.get("project", {})
            r = ev.api_post("/api/v1/evaluations", fields={
                "title": project.get("name", case), "framework": meta["framework"],
                "town": project.get("town", ""), "year": project.get("year", ""),
                "unit": project.get("unit", ""), "department": project.get("authority", ""),
                "region": "闵行区"})
            if r.status != 201:
                print("未能载入 %s：%s" % (case, r.text()), file=sys.stderr)
                continue
            eid = r.json()["id"]
            wb = webtest.entry_workbook(binary, folder, scratch)
            with open(wb, "rb") as f:
                r = ev.api_post("/api/v1/evaluations/%s/import" % eid, fields={"version": "1"},
                                files={"file": ("entry.xlsx", f.read())})
            version = r.json().get("version", 2)
            if os.path.exists(os.path.join(folder, "survey", "responses.csv")):
                version = survey_metrics(binary, ev, eid, folder, version)
            fields = {"version": str(version)}
            ndir = os.path.join(folder, "narrative")
            for name in sorted(os.listdir(ndir)) if os.path.isdir(ndir) else []:
                with open(os.path.join(ndir, name), encoding="utf-8") as f:
                    fields["n_" + name] = f.read()
            ev.api_post("/api/v1/evaluations/%s/narrative" % eid, fields=fields)
        unit = webtest.Client(srv)
        assert unit.login("unit", passwords["unit"]).status == 200
        names = {"gumei-eldercare-2025": "古美社区居家养老服务项目绩效目标表（示例）",
                 "gumei-eldercare-2025-weak": "古美社区居家养老服务项目绩效目标表（待修改示例）"}
        for t in sorted(os.listdir(os.path.join(ROOT, "data/targets"))):
            webtest.upload_targets(unit, os.path.join(ROOT, "data/targets", t, "targets.csv"),
                                   title=names.get(t, t))
        webtest.upload_selfeval(unit)
        import shutil
        shutil.rmtree(scratch, ignore_errors=True)
    except Exception as e:  # the server still runs; say what failed
        print("载入示例时出错：%s" % e, file=sys.stderr)
    print()
    print("网页应用已启动：http://%s:%s/" % (host, port))
    print("演示账号（密码只显示这一次；数据目录 %s）：" % data)
    for name, _, _, _, label in ACCOUNTS:
        print("  %-10s %-20s 密码 %s" % (name, label, passwords[name]))
    print("按 Ctrl+C 停止。")
    sys.stdout.flush()
    signal.signal(signal.SIGINT, lambda *a: proc.terminate())
    signal.signal(signal.SIGTERM, lambda *a: proc.terminate())
    proc.wait()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "127.0.0.1:8080")
