#!/usr/bin/env python3
"""`jixiao serve --tls-cert/--tls-key`: HTTPS with a throwaway self-signed certificate made by the
openssl command; the session cookie gains Secure, HSTS is sent, plain HTTP on the port gets no
page, and TLS below 1.2 is refused. Usage: tls.py JIXIAO"""
import http.client
import os
import shutil
import ssl
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import webtest  # noqa: E402


def main(binary):
    tmp = tempfile.mkdtemp(prefix="jixiao-web-tls-")
    failures = []
    proc = None
    try:
        cert, key = os.path.join(tmp, "cert.pem"), os.path.join(tmp, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                        "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        data = os.path.join(tmp, "data")
        subprocess.run([binary, "user", "add", "adm", "--role", "admin", "--password-stdin", "--data", data],
                       input="admin-pass-001\n", text=True, check=True, stdout=subprocess.DEVNULL)
        port = webtest.free_port()
        proc = subprocess.Popen([binary, "serve", "--listen", "127.0.0.1:%d" % port, "--data", data,
                                 "--tls-cert", cert, "--tls-key", key],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        r = None
        for _ in range(50):
            try:
                c = http.client.HTTPSConnection("127.0.0.1", port, context=ctx, timeout=10)
                c.request("POST", "/api/v1/login", body="name=adm&password=admin-pass-001",
                          headers={"Content-Type": "application/x-www-form-urlencoded", "X-CSRF-Token": "login"})
                r = c.getresponse()
                break
            except OSError:
                time.sleep(0.2)
        webtest.check(r is not None and r.status == 200, "HTTPS login", failures)
        if r is not None:
            cookies = [v for k, v in r.getheaders() if k.lower() == "set-cookie" and v.startswith("jx_session=")]
            webtest.check(cookies and "Secure" in cookies[0] and "HttpOnly" in cookies[0], "session cookie under TLS: %s" % cookies, failures)
            webtest.check(r.getheader("Strict-Transport-Security"), "HSTS header", failures)
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            c.request("GET", "/login")
            got = c.getresponse().status
        except Exception:
            got = None
        webtest.check(got is None, "plain HTTP answered on the TLS port: %s" % got, failures)
        old = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        old.check_hostname = False
        old.verify_mode = ssl.CERT_NONE
        try:
            old.minimum_version = ssl.TLSVersion.TLSv1
            old.maximum_version = ssl.TLSVersion.TLSv1_1
            c = http.client.HTTPSConnection("127.0.0.1", port, context=old, timeout=5)
            c.request("GET", "/login")
            c.getresponse()
            failures.append("TLS 1.1 accepted")
        except (ssl.SSLError, OSError, ValueError):
            pass
        print("tls: %d failures" % len(failures))
    finally:
        if proc:
            proc.terminate()
            proc.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
