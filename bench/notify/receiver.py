#!/usr/bin/env python3
"""The webhook gateway stand-in for bench/notify.sh: receives the app's Standard Webhooks
(https://www.standardwebhooks.com/), checks each signature with the shared secret, keeps the first arrival of
each webhook-id and answers 204, as a real gateway that drops a retry it already has would.

    WEBHOOK_SECRET=whsec_... receiver.py PORT OUT_DIR

GET /summary answers what it has seen as JSON; on SIGTERM it writes OUT_DIR/summary.json and
OUT_DIR/arrivals.tsv (epoch seconds, webhook-id, recipient subject: one line per first receipt) and exits.
"""
import base64
import hashlib
import hmac
import json
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# Standard Webhooks' advice for the largest clock difference a receiver accepts.
TOLERANCE_SECONDS = 300

secret = os.environ["WEBHOOK_SECRET"]
if not secret.startswith("whsec_"):
    sys.exit("WEBHOOK_SECRET must start with whsec_")
key = base64.b64decode(secret[len("whsec_"):])

lock = threading.Lock()
first_arrival = {}  # webhook-id -> (epoch seconds, recipient subject)
counts = {"connections": 0, "requests": 0, "duplicates": 0, "bad_signatures": 0, "stale_timestamps": 0, "unreadable": 0}


def signed(webhook_id, timestamp, body, signatures):
    expected = base64.b64encode(
        hmac.new(key, f"{webhook_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()).decode()
    # The header may list several signatures ("v1,abc v1,def"), one per secret while a secret rotates.
    return any(sig.startswith("v1,") and hmac.compare_digest(sig[3:], expected) for sig in signatures.split())


def summary():
    with lock:
        times = [t for t, _ in first_arrival.values()]
        return dict(counts, distinct_ids=len(first_arrival),
                    distinct_subjects=len({subject for _, subject in first_arrival.values()}),
                    first_arrival=min(times) if times else None, last_arrival=max(times) if times else None)


class Handler(BaseHTTPRequestHandler):
    # Keep-alive, so the app's client reuses its connections as it would with a real gateway.
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        with lock:
            counts["connections"] += 1

    def do_POST(self):
        arrived = time.time()
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        webhook_id = self.headers.get("webhook-id", "")
        timestamp = self.headers.get("webhook-timestamp", "")
        subject = None
        try:
            subject = json.loads(body)["data"]["recipient"]["subject"]
        except (ValueError, KeyError, TypeError):
            pass
        with lock:
            counts["requests"] += 1
            if not webhook_id or not signed(webhook_id, timestamp, body, self.headers.get("webhook-signature", "")):
                counts["bad_signatures"] += 1
            elif not timestamp.isdigit() or abs(arrived - int(timestamp)) > TOLERANCE_SECONDS:
                counts["stale_timestamps"] += 1
            elif webhook_id in first_arrival:
                counts["duplicates"] += 1
            else:
                if subject is None:
                    counts["unreadable"] += 1
                first_arrival[webhook_id] = (arrived, subject)
        # Even a refused one is answered 204: the bench counts refusals instead of making the app retry them.
        self.send_response(204)
        self.end_headers()

    def do_GET(self):
        if self.path != "/summary":
            self.send_error(404)
            return
        document = json.dumps(summary()).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(document)))
        self.end_headers()
        self.wfile.write(document)

    def log_message(self, format, *args):
        pass


def main():
    port, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    ThreadingHTTPServer.request_queue_size = 128
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    stop.wait()
    server.shutdown()
    with lock:
        arrivals = sorted((t, webhook_id, subject) for webhook_id, (t, subject) in first_arrival.items())
    with open(os.path.join(out, "arrivals.tsv"), "w") as file:
        file.writelines(f"{t:.6f}\t{webhook_id}\t{subject}\n" for t, webhook_id, subject in arrivals)
    with open(os.path.join(out, "summary.json"), "w") as file:
        json.dump(summary(), file, indent=2)


if __name__ == "__main__":
    main()
