#!/usr/bin/env python3
"""A majortomo (PyPI) MDP 0.2 peer for newsbus interop tests.

Usage:
  majortomo_peer.py broker                       bind tcp://127.0.0.1:<free port>, print "ENDPOINT <url>"
  majortomo_peer.py worker ENDPOINT SERVICE      echo worker, prints "READY" once connected
  majortomo_peer.py client ENDPOINT SERVICE N S  N echo requests with random payloads (seed S),
                                                 checks each reply byte for byte, prints "OK N"
  majortomo_peer.py mmi ENDPOINT SERVICE         asks mmi.service about SERVICE, prints "MMI <reply>"

Every mode exits when its stdin closes, so a test that dies leaves no process behind. The
client and mmi modes print "END" as their last line.
"""

import os
import random
import sys
import threading

# Drop descriptors inherited from the test process (e.g. other children's pipes, which would
# keep their end-of-file from coming), and die with the test process on Linux.
os.closerange(3, 4096)
try:
    import ctypes
    import signal

    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
except OSError:
    pass

import zmq  # noqa: E402
from majortomo import Client, Worker  # noqa: E402


def exit_when_stdin_closes():
    def watch():
        sys.stdin.buffer.read()
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def run_broker():
    from majortomo.broker import Broker

    broker = Broker(bind="tcp://127.0.0.1:*")
    broker.bind()
    endpoint = broker._socket.getsockopt(zmq.LAST_ENDPOINT).decode()
    print("ENDPOINT " + endpoint, flush=True)
    while True:
        message = broker.receive()
        if message:
            broker.handle_message(message)


def run_worker(endpoint, service):
    worker = Worker(endpoint, service.encode())
    worker.connect()
    print("READY", flush=True)
    while True:
        client, body = worker.wait_for_request()
        worker.send_reply_final(client, body)


def random_body(rng):
    frames = []
    for _ in range(rng.randint(1, 4)):
        size = rng.choice([0, 1, 7, 100, 255, 256, 1000, rng.randint(0, 4096)])
        frames.append(bytes(rng.getrandbits(8) for _ in range(size)))
    if not any(frames):
        frames[0] = b"\x00"
    return frames


def run_client(endpoint, service, count, seed):
    rng = random.Random(seed)
    with Client(endpoint) as client:
        for index in range(count):
            body = random_body(rng)
            client.send(service.encode(), *body)
            reply = client.recv_all_as_list(timeout=20)
            if reply != body:
                print("FAIL request %d: sent %r, got %r" % (index, [len(f) for f in body], [len(f) for f in reply]),
                      flush=True)
                return 1
    print("OK %d" % count, flush=True)
    return 0


def run_mmi(endpoint, service):
    with Client(endpoint) as client:
        client.send(b"mmi.service", service.encode())
        reply = client.recv_all_as_list(timeout=20)
    print("MMI " + " ".join(frame.decode() for frame in reply), flush=True)
    return 0


def main():
    exit_when_stdin_closes()
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "broker":
        run_broker()
    elif mode == "worker":
        run_worker(args[0], args[1])
    elif mode == "client":
        status = run_client(args[0], args[1], int(args[2]), int(args[3]))
    elif mode == "mmi":
        status = run_mmi(args[0], args[1])
    else:
        print("unknown mode " + mode, file=sys.stderr, flush=True)
        status = 2
    # "END" tells the test all output is in (a pipe's end-of-file can come late when other
    # children inherited it); os._exit: the stdin watcher would otherwise abort shutdown.
    print("END", flush=True)
    os._exit(status)


if __name__ == "__main__":
    main()
