#!/usr/bin/env python3
"""webfix7 in real headless Chromium (issue 21, trial 3 items 22 and 26): typing a new 实际完成值
without saving updates the row's 复核得分 AND its explanation (“实际/目标×分值”) from the server's
preview; the bureau's /bureau?kind=selfeval marks a draft 未提交 and speaks of 自评表 when nothing
is ranked. Screenshots at 1366 and 1024 px go to SHOTS (default: a temporary folder, printed).
Usage: webfix7_browser.py JIXIAO [SHOTS]"""
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import webtest  # noqa: E402
from browser import make_driver  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

FAILURES = []


def check(cond, message):
    webtest.check(cond, message, FAILURES)


def login(driver, server, name):
    driver.delete_all_cookies()
    driver.get(server.base + "/login")
    driver.find_element(By.NAME, "name").send_keys(name)
    driver.find_element(By.NAME, "password").send_keys(webtest.ROLES[name][3])
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    time.sleep(0.5)


def shots(driver, folder, name):
    for width in (1366, 1024):
        driver.set_window_size(width, 900)
        time.sleep(0.3)
        height = driver.execute_script("return document.body.scrollHeight")
        driver.set_window_size(width, min(max(height + 120, 900), 6000))
        driver.save_screenshot(os.path.join(folder, "%s-%d.png" % (name, width)))
    driver.set_window_size(1366, 900)


def wait_text(element, changed_from, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        if element.text != changed_from:
            return element.text
        time.sleep(0.2)
    return element.text


def main(binary, folder):
    server = webtest.Server(binary)
    driver = make_driver(folder)
    try:
        unit = webtest.Client(server)
        unit.login("unit1")
        sid = webtest.upload_selfeval(unit)
        rows = unit.get("/api/v1/selfevals/%s" % sid).json()["result"]["rows"]
        i = [k for k, r in enumerate(rows) if r["indicator"] == "新建便民服务点"][0]
        login(driver, server, "unit1")
        driver.get(server.base + "/selfevals/%s" % sid)
        how = driver.find_element(By.CSS_SELECTOR, '.row-how[data-row="%d"]' % i)
        cell = driver.find_element(By.CSS_SELECTOR, 'td.computed[data-row="%d"]' % i)
        before_how, before_cell = how.text, cell.text
        check("80" in before_how, "the saved explanation uses 80个: %r" % before_how)
        box = driver.find_element(By.NAME, "a_%d" % i)
        box.clear()
        box.send_keys("90个")
        after_how = wait_text(how, before_how)
        check(cell.text != before_cell, "item 22: the row's score changed live: %s → %s"
              % (before_cell, cell.text))
        check("90" in after_how and "80/" not in after_how,
              "item 22: the explanation follows the typing: %r → %r" % (before_how, after_how))
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        shots(driver, folder, "01-selfeval-live-explanation")
        # The bureau: a draft only, then the 全部 list and the hint.
        login(driver, server, "bur1")
        driver.get(server.base + "/bureau?kind=selfeval")
        body = driver.find_element(By.TAG_NAME, "body").text
        check("自评表（未提交）" in body, "item 26: the draft is marked in the 全部 list")
        check("还没有已提交且填完的自评表" in body and "评价机构导入" not in body,
              "item 26: the empty hint speaks of 自评表")
        shots(driver, folder, "02-bureau-selfeval-draft-only")
        unit.api_post("/api/v1/selfevals/%s/submit" % sid)
        webtest.upload_selfeval(unit)
        driver.get(server.base + "/bureau?kind=selfeval")
        shots(driver, folder, "03-bureau-selfeval-submitted-and-draft")
        body = driver.find_element(By.TAG_NAME, "body").text
        check("自评表排名" in body and "自评表（未提交）" in body, "ranked form and marked draft")
        login(driver, server, "unit1")
        tid = webtest.upload_targets(unit, title="待确认核对")
        table = unit.get("/api/v1/targets/%s" % tid).json()
        unit.api_post("/api/v1/targets/%s/fix" % tid,
                      {"version": table["version"], "issue": table["fixable"][0]})
        driver.get(server.base + "/targets/%s" % tid)
        shots(driver, folder, "04-targets-pending-note")
    finally:
        driver.quit()
        server.stop(keep=bool(FAILURES))
    print("screenshots in " + folder)
    if FAILURES:
        print("%d failure(s)" % len(FAILURES), file=sys.stderr)
        return 1
    print("webfix7 browser: all checks passed")
    return 0


if __name__ == "__main__":
    out = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="jixiao-webfix7-shots-")
    os.makedirs(out, exist_ok=True)
    code = main(sys.argv[1], out)
    if code == 0 and len(sys.argv) <= 2:  # a passing ctest run keeps no screenshots
        import shutil
        shutil.rmtree(out, ignore_errors=True)
    sys.exit(code)
