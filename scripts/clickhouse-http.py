#!/usr/bin/env python3
"""A current ClickHouse engine behind ClickHouse's HTTP interface, for tests without Docker.

chDB (PyPI: chdb-core) embeds the ClickHouse engine as a library but ships no server: its
shared object has no `clickhouse server` entry point. This script puts the subset of the
HTTP interface that @clickhouse/client uses in front of one chDB session:

  GET  /ping                      -> "Ok."
  POST /?query_id=..&param_x=..   body = SQL            (query / command)
  POST /?query=INSERT ... FORMAT F body = rows in F      (insert)

Every statement, every {name:Type} query parameter (handed to chDB's native `params`, so
the engine substitutes and type-checks them, never this script), every table engine and
every format is the real ClickHouse engine. What is NOT real: authentication (ignored),
sessions, URL settings (ignored), concurrency (one statement at a time), compression of
responses (never sent).

  scripts/clickhouse-http.py serve --data DIR [--port 0] [--port-file F]
  scripts/clickhouse-http.py start [DIR]   # background; prints http://127.0.0.1:<port>
  scripts/clickhouse-http.py stop  [DIR]
"""
import argparse
import gzip
import http.server
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import zlib

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DIR = os.path.join(REPO, ".chdb", "server")
ERROR_CODE = re.compile(r"Code: (\d+)")


def serve(data_dir: str, port: int, port_file: str | None) -> None:
    from chdb import session as chs  # imported late: `start`/`stop` must work without chdb

    os.makedirs(data_dir, exist_ok=True)
    sess = chs.Session(os.path.join(data_dir, "db"))
    lock = threading.Lock()
    version = sess.query("SELECT version()", "TSVRaw").bytes().decode().strip()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *args):  # quiet: tests read stdout
            pass

        def reply(self, status: int, body: bytes, extra: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=UTF-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-ClickHouse-Server-Display-Name", f"chdb-{version}")
            self.send_header("X-ClickHouse-Summary", '{"read_rows":"0","written_rows":"0"}')
            for k, v in (extra or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            path = urllib.parse.urlparse(self.path)
            if path.path in ("/ping", "/"):
                return self.reply(200, b"Ok.\n")
            self.handle_sql(path, b"")

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else self.read_chunked()
            encoding = (self.headers.get("Content-Encoding") or "").lower()
            if encoding == "gzip":
                body = gzip.decompress(body)
            elif encoding == "deflate":
                body = zlib.decompress(body)
            self.handle_sql(urllib.parse.urlparse(self.path), body)

        def read_chunked(self) -> bytes:
            if "chunked" not in (self.headers.get("Transfer-Encoding") or "").lower():
                return b""
            out = bytearray()
            while True:
                size = int(self.rfile.readline().strip().split(b";")[0], 16)
                if size == 0:
                    self.rfile.readline()
                    return bytes(out)
                out += self.rfile.read(size)
                self.rfile.readline()

        def handle_sql(self, url, body: bytes) -> None:
            qs = urllib.parse.parse_qs(url.query, keep_blank_values=True)
            params = {k[len("param_"):]: v[-1] for k, v in qs.items() if k.startswith("param_")}
            head = qs.get("query", [""])[-1]
            # ClickHouse: the query is the URL's `query` followed by the body (insert data for INSERT).
            sql = head + ("\n" + body.decode("utf-8") if head and body else body.decode("utf-8") if body else "")
            fmt = qs.get("default_format", ["TSV"])[-1]
            database = qs.get("database", [""])[-1]
            try:
                with lock:
                    if database:
                        sess.query(f"USE `{database.replace('`', '')}`")
                    res = sess.query(sql, fmt, params=params) if params else sess.query(sql, fmt)
                    data = res.bytes() if res is not None else b""
                self.reply(200, data, {"X-ClickHouse-Format": fmt})
            except Exception as err:  # chDB raises with the server's "Code: N. DB::Exception: ..." text
                text = str(err)
                m = ERROR_CODE.search(text)
                code = m.group(1) if m else "1002"
                if not m:
                    text = f"Code: {code}. DB::Exception: {text}. (UNKNOWN_EXCEPTION)"
                self.reply(500, text.encode(), {"X-ClickHouse-Exception-Code": code})

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    if port_file:
        with open(port_file + ".tmp", "w") as f:
            f.write(str(server.server_address[1]))
        os.replace(port_file + ".tmp", port_file)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    server.serve_forever()
    sess.close()


def start(data_dir: str) -> None:
    os.makedirs(data_dir, exist_ok=True)
    pid_file, port_file = os.path.join(data_dir, "pid"), os.path.join(data_dir, "port")
    if os.path.exists(pid_file) and os.path.exists(port_file) and alive(int(open(pid_file).read())):
        print(f"http://127.0.0.1:{open(port_file).read().strip()}")
        return
    if os.path.exists(port_file):
        os.remove(port_file)
    log = open(os.path.join(data_dir, "server.log"), "ab")
    proc = subprocess.Popen(
        [sys.executable, os.path.abspath(__file__), "serve", "--data", data_dir, "--port-file", port_file],
        stdout=log, stderr=log, stdin=subprocess.DEVNULL, start_new_session=True,
    )
    with open(pid_file, "w") as f:
        f.write(str(proc.pid))
    deadline = time.time() + 120
    while not os.path.exists(port_file):
        if proc.poll() is not None:
            sys.exit(f"clickhouse-http: server exited with {proc.returncode}; see {data_dir}/server.log")
        if time.time() > deadline:
            proc.kill()
            sys.exit("clickhouse-http: server did not start within 120 s")
        time.sleep(0.1)
    print(f"http://127.0.0.1:{open(port_file).read().strip()}")


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        return True
    except OSError:
        return False


def stop(data_dir: str) -> None:
    pid_file = os.path.join(data_dir, "pid")
    if not os.path.exists(pid_file):
        return
    pid = int(open(pid_file).read())
    if alive(pid):
        os.kill(pid, signal.SIGTERM)
        for _ in range(100):
            if not alive(pid):
                break
            time.sleep(0.1)
        else:
            os.kill(pid, signal.SIGKILL)
    os.remove(pid_file)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("serve")
    s.add_argument("--data", default=DEFAULT_DIR)
    s.add_argument("--port", type=int, default=0)
    s.add_argument("--port-file")
    for name in ("start", "stop"):
        sub.add_parser(name).add_argument("dir", nargs="?", default=DEFAULT_DIR)
    a = p.parse_args()
    if a.cmd == "serve":
        serve(a.data, a.port, a.port_file)
    elif a.cmd == "start":
        start(os.path.abspath(a.dir))
    else:
        stop(os.path.abspath(a.dir))


if __name__ == "__main__":
    main()
