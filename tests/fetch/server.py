#!/usr/bin/env python3
"""Test HTTP server for the fetch tests: 127.0.0.1 only, on a free port.

Usage: server.py FILES_DIR PORT_FILE LOG_FILE
Writes the port to PORT_FILE once listening; appends one line per request to LOG_FILE
("GET /path") and, for the big bodies, how many bytes went out ("SENT /path N").
Exits by itself after 120 s, so a crashed test never leaves it behind.
"""
import http.server
import os
import struct
import sys
import threading
import time
import urllib.parse
import zlib

FILES, PORT_FILE, LOG = sys.argv[1], sys.argv[2], sys.argv[3]
lock = threading.Lock()
hits = {}


def log(line):
    with lock:
        with open(LOG, "a") as f:
            f.write(line + "\n")


def png(w, h, rgb):
    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


OK_PNG = png(40, 20, (200, 30, 30))
BIG = 50 * 1024 * 1024


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, code, body, ctype="image/png", headers=()):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def stream(self, path, length_header):
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        if length_header:
            self.send_header("Content-Length", str(BIG))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        sent = 0
        block = OK_PNG[:16] + b"\0" * (65536 - 16)
        try:
            while sent < BIG:
                self.wfile.write(block)
                sent += len(block)
        except (BrokenPipeError, ConnectionResetError):
            pass
        log("SENT %s %d" % (path, sent))

    def do_GET(self):
        path = self.path.split("?")[0]
        log("GET " + self.path)
        with lock:
            hits[path] = hits.get(path, 0) + 1
            n = hits[path]
        if path in ("/ok.png", "/avatar.png"):
            return self.send(200, OK_PNG)
        if path == "/missing.png":
            return self.send(404, b"<html>not found</html>", "text/html")
        if path == "/slow.png":
            time.sleep(4)
            return self.send(200, OK_PNG)
        if path == "/truncated.png":
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(OK_PNG) + 1000))
            self.end_headers()
            self.wfile.write(OK_PNG)
            self.close_connection = True
            return
        if path == "/cut.png":  # no Content-Length: the close looks like a normal end
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(OK_PNG[:len(OK_PNG) // 2])
            self.close_connection = True
            return
        if path == "/html.png":
            return self.send(200, b"<!DOCTYPE html><html><body>login</body></html>", "text/html; charset=utf-8")
        if path == "/loop.png":
            return self.send(302, b"", "text/plain", [("Location", "/loop.png")])
        if path == "/moved.png":
            return self.send(301, b"", "text/plain", [("Location", "/ok.png?via=moved")])
        if path == "/ftp.png":
            return self.send(302, b"", "text/plain", [("Location", "ftp://127.0.0.1/x.png")])
        if path == "/flaky.png":
            if n == 1:
                return self.send(503, b"busy", "text/plain")
            return self.send(200, png(10, 10, (30, 30, 200)))
        if path == "/big.png":
            return self.stream(path, True)
        if path == "/big-nolength.png":
            return self.stream(path, False)
        if path.startswith("/files/"):
            name = os.path.basename(urllib.parse.unquote(path))
            full = os.path.join(FILES, name)
            if os.path.isfile(full):
                with open(full, "rb") as f:
                    return self.send(200, f.read(), "application/octet-stream")
        return self.send(404, b"no", "text/plain")


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


server = Server(("127.0.0.1", 0), Handler)
threading.Timer(120, lambda: os._exit(0)).start()
tmp = PORT_FILE + ".tmp"
with open(tmp, "w") as f:
    f.write(str(server.server_address[1]))
os.rename(tmp, PORT_FILE)
server.serve_forever()
