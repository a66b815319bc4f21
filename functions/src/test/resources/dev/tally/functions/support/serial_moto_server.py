"""moto's server (what `python3 -m moto.server` runs), answering one request at a time.

DynamoDB applies the writes to one item one after another, so a conditional write's check and its change are
atomic. moto's threaded server does not guarantee that: two concurrent UpdateItem calls with the same condition
can both pass it (seen with moto 5.2.1: two deliveries of one renewal at once credited it twice). Holding one lock
around each request restores DynamoDB's guarantee, for every service moto serves, at the cost of concurrency inside
the peer, which a loopback test peer does not need. Connections stay threaded (HTTP/1.1 keep-alive works).

Usage: python3 serial_moto_server.py -H 127.0.0.1 -p PORT
"""
import argparse
import os
import signal
import sys
import threading

import moto
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import run_simple


def one_request_at_a_time(app):
    lock = threading.Lock()

    def serve(environ, start_response):
        with lock:
            body = app(environ, start_response)
            try:
                return [b"".join(body)]
            finally:
                close = getattr(body, "close", None)
                if close is not None:
                    close()

    return serve


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, required=True)
    args = parser.parse_args()
    # moto builds some URLs (SQS queue URLs among them) from MOTO_PORT, as its own server sets it.
    os.environ.setdefault("MOTO_PORT", str(args.port))
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    # The first line of the log: which moto answered (benchmarks report it).
    print(f"moto {moto.__version__}", flush=True)
    app = one_request_at_a_time(DomainDispatcherApplication(create_backend_app))
    run_simple(args.host, args.port, app, threaded=True)


if __name__ == "__main__":
    main()
