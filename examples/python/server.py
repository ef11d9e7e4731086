"""A recommender speaking RecoWorld's common API (docs/recommender-api.md) over HTTP,
with nothing but Python's standard library. Run:

    python3 examples/python/server.py --port 8002
    npm run simulate -- --recommender http://127.0.0.1:8002/recommend

It learns the catalog from `fit`, ranks unseen items by the user's declared interest in
their topic (plus a little popularity), and avoids items the user already saw.
"""
import argparse
import json
import math
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_BODY = 20 * 1024 * 1024  # the fit call carries the whole catalog
CATALOGS = {}  # catalogId -> items

# CORS: the playground runs in the browser on another origin, so the browser sends an
# OPTIONS request first and only POSTs when these headers allow it.
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "POST, OPTIONS",
    "Access-Control-Allow-Headers": "content-type",
}


def recommend(req):
    items = CATALOGS.get(req["catalogId"])
    if items is None:
        raise ValueError("unknown catalog %s: call fit first" % req["catalogId"])
    shown = set(req["shown"])
    seen = {h["itemId"] for h in req["history"]}
    interests = req["profile"]["interests"]

    def score(i):
        pop = math.log1p(i["likes"] + 3 * i["shares"] + 2 * i["comments"]) / 15
        return interests.get(i["topic"], 0) + 0.2 * pop + 0.1 * i["quality"] - (10 if i["id"] in seen else 0)

    ranked = sorted((i for i in items if i["id"] not in shown), key=lambda i: (-score(i), i["id"]))
    reply = {"items": [i["id"] for i in ranked[: req["k"]]]}
    if req.get("instruction"):
        reply["message"] = "Noted!"
    return reply


def handle(req):
    op = req.get("op")
    if op == "fit":
        CATALOGS[req["catalogId"]] = req["items"]
        return {"ok": True}
    if op == "reset":
        return {"ok": True}
    if op == "recommend":
        return recommend(req)
    raise ValueError("unknown op %r" % op)


class Handler(BaseHTTPRequestHandler):
    def _send(self, status, body=b"", ctype="application/json"):
        self.send_response(status)
        for k, v in CORS.items():
            self.send_header(k, v)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_OPTIONS(self):
        self._send(204)

    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        if n > MAX_BODY:
            return self._send(413, b"request too large", "text/plain")
        try:
            out = handle(json.loads(self.rfile.read(n)))
            self._send(200, json.dumps(out).encode("utf-8"))
        except Exception as e:  # a bad request is the client's to see, not a crash
            self._send(400, str(e).encode("utf-8"), "text/plain")

    def log_message(self, *args):
        pass


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, default=8002)
    a = p.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", a.port), Handler)
    # The first line says where it listens (tests start it with --port 0 and read it).
    print("listening on http://127.0.0.1:%d/recommend" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
