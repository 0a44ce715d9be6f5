#!/usr/bin/env python3
"""A Python client for newsbus: submit a job, follow its progress, fetch the report.

It speaks the Majordomo Protocol 0.2 client side (ZeroMQ RFC 18) itself over a DEALER socket,
and the newsbus wire schema (`Sources/NewsWire/newsbus.proto`) through `newsbus_pb2`, which
`scripts/python/generate` makes with protoc.

Importable::

    from newsbus_client import NewsbusClient, read_articles
    with NewsbusClient("tcp://127.0.0.1:5555") as client:
        job = client.submit(read_articles(["samples/"]), name="morning")
        final = client.wait(job.job_id, progress=print)
        paths = client.save_report(job.job_id, "out/")

or from the shell::

    newsbus_client.py --broker tcp://127.0.0.1:5555 submit --wait --out out/ samples/
    newsbus_client.py status [JOB]
    newsbus_client.py report JOB --out out/
    newsbus_client.py service newsbus.extract      # mmi.service: is a worker registered?

Exit status 0 only on success.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import zmq

sys.path.insert(0, str(Path(__file__).resolve().parent))
import newsbus_pb2 as pb  # noqa: E402  (generated next to this file)

#: The schema version this client writes and understands (JobRequest.schema_version).
SCHEMA_VERSION = 1
#: Service names.
JOBS_SERVICE = "newsbus.jobs"
EXTRACT_SERVICE = "newsbus.extract"
#: MDP/Client 0.2 (RFC 18) header and command bytes.
MDPC02 = b"MDPC02"
REQUEST = b"\x01"
PARTIAL = b"\x02"
FINAL = b"\x03"
DEFAULT_BROKER = "tcp://127.0.0.1:5555"


class NewsbusError(Exception):
    """Something went wrong talking to the cluster; the message says what and what to do."""


class BrokerUnavailable(NewsbusError):
    """The broker answered with its own error reply (503 queue full, 504 expired) or not at all."""


class JobError(NewsbusError):
    """The aggregator answered with an ErrorReply (`code` is machine-readable)."""

    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


@dataclass(frozen=True)
class CurveKeys:
    """CurveZMQ keys as 40-character Z85 text: the broker's public key and this client's pair."""

    server_public: str
    public: str
    secret: str

    @staticmethod
    def read_key(path: str | os.PathLike[str]) -> str:
        """Reads a Z85 key file (the 40 characters, optionally followed by a newline)."""
        text = Path(path).read_text(encoding="ascii").strip()
        if len(text) != 40:
            raise NewsbusError(f"{path}: expected a 40-character Z85 CURVE key, found {len(text)} characters; "
                               "write keys with `newsbus keygen --out DIR`")
        return text


class MDPClient:
    """An MDP 0.2 client (RFC 18 framing) over one DEALER socket, one request at a time.

    Replies are matched to requests by order: this client never has two requests in flight.
    When a reply does not come within `timeout` seconds the socket is closed and, for requests
    marked `retry=True`, reopened and the request sent again (up to `retries` more times).
    """

    def __init__(self, broker: str = DEFAULT_BROKER, *, timeout: float = 10.0, retries: int = 2,
                 curve: CurveKeys | None = None, context: zmq.Context | None = None):
        self.broker = broker
        self.timeout = timeout
        self.retries = retries
        self.curve = curve
        self._context = context or zmq.Context.instance()
        self._socket: zmq.Socket | None = None

    def _connect(self) -> zmq.Socket:
        if self._socket is None:
            socket = self._context.socket(zmq.DEALER)
            socket.setsockopt(zmq.LINGER, 0)
            if self.curve is not None:
                socket.curve_serverkey = self.curve.server_public.encode("ascii")
                socket.curve_publickey = self.curve.public.encode("ascii")
                socket.curve_secretkey = self.curve.secret.encode("ascii")
            socket.connect(self.broker)
            self._socket = socket
        return self._socket

    def close(self) -> None:
        """Closes the socket (a later request opens a new one)."""
        if self._socket is not None:
            self._socket.close(linger=0)
            self._socket = None

    def __enter__(self) -> "MDPClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @staticmethod
    def request_frames(service: str, body: Sequence[bytes]) -> list[bytes]:
        """The frames of an RFC 18 client REQUEST."""
        return [MDPC02, REQUEST, service.encode("utf-8"), *body]

    @staticmethod
    def parse_reply(frames: Sequence[bytes], service: str) -> tuple[bool, list[bytes]]:
        """Checks an RFC 18 PARTIAL/FINAL for `service`; returns (is_final, body frames)."""
        if len(frames) < 3 or frames[0] != MDPC02:
            raise NewsbusError(f"malformed reply from the broker ({len(frames)} frames, header {frames[:1]!r}); "
                               "is the endpoint an MDP 0.2 broker?")
        if frames[1] not in (PARTIAL, FINAL):
            raise NewsbusError(f"unexpected MDP client command {frames[1]!r} from the broker")
        if frames[2] != service.encode("utf-8"):
            raise NewsbusError(f"reply names service {frames[2]!r}, expected {service!r}")
        return frames[1] == FINAL, list(frames[3:])

    def request(self, service: str, body: Sequence[bytes], *, retry: bool = True) -> list[bytes]:
        """Sends one request and returns the FINAL body (PARTIAL bodies are concatenated before it)."""
        attempts = 1 + (self.retries if retry else 0)
        for attempt in range(attempts):
            socket = self._connect()
            socket.send_multipart(self.request_frames(service, body))
            parts: list[bytes] = []
            deadline = time.monotonic() + self.timeout
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not socket.poll(int(remaining * 1000), zmq.POLLIN):
                    break
                final, frames = self.parse_reply(socket.recv_multipart(), service)
                parts.extend(frames)
                if final:
                    if len(parts) == 2 and parts[0] in (b"503", b"504"):
                        raise BrokerUnavailable(f"broker {parts[0].decode()}: {parts[1].decode('utf-8', 'replace')}")
                    return parts
            # No (complete) answer in time: drop the socket so a late reply cannot be mistaken
            # for the answer to the next request.
            self.close()
        raise BrokerUnavailable(f"no reply from {service!r} via {self.broker} within {self.timeout:g} s "
                                f"({attempts} attempt(s)); check that the broker runs there and a "
                                f"{service} worker is registered (`newsbus_client.py service {service}`)")

    def service_available(self, service: str) -> bool:
        """RFC 8 `mmi.service`: True when the broker has a worker registered for `service`."""
        reply = self.request("mmi.service", [service.encode("utf-8")])
        if reply[:1] == [b"200"]:
            return True
        if reply[:1] == [b"404"]:
            return False
        raise NewsbusError(f"unexpected mmi.service answer {reply!r}")


class NewsbusClient:
    """Talks to the aggregator's `newsbus.jobs` service through the broker."""

    def __init__(self, broker: str = DEFAULT_BROKER, **options: object):
        self.mdp = MDPClient(broker, **options)  # type: ignore[arg-type]

    def close(self) -> None:
        """Closes the connection."""
        self.mdp.close()

    def __enter__(self) -> "NewsbusClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _call(self, request: pb.JobRequest, *, retry: bool) -> pb.JobReply:
        request.schema_version = SCHEMA_VERSION
        body = self.mdp.request(JOBS_SERVICE, [request.SerializeToString()], retry=retry)
        reply = pb.JobReply()
        try:
            reply.ParseFromString(b"".join(body))
        except Exception as error:  # protobuf raises DecodeError (message varies by backend)
            raise NewsbusError(f"undecodable JobReply from {JOBS_SERVICE} ({error}); "
                               "is the aggregator the same newsbus version?") from error
        if reply.schema_version not in (0, SCHEMA_VERSION):
            raise NewsbusError(f"the aggregator speaks schema version {reply.schema_version}, this client "
                               f"{SCHEMA_VERSION}; regenerate the client (scripts/python/generate)")
        if reply.WhichOneof("result") == "error":
            raise JobError(reply.error.code, reply.error.message)
        return reply

    def submit(self, articles: Iterable[pb.Article], name: str = "") -> pb.JobStatus:
        """Submits a job and returns its first status (with the job id). Not retried: a retry
        after a lost reply could submit the job twice."""
        request = pb.JobRequest()
        request.submit.name = name
        request.submit.articles.extend(articles)
        if not request.submit.articles:
            raise NewsbusError("no articles to submit; give .txt or .jsonl files or directories holding them")
        reply = self._call(request, retry=False)
        if reply.WhichOneof("result") != "accepted":
            raise NewsbusError(f"expected 'accepted' in answer to submit, got {reply.WhichOneof('result')!r}")
        return reply.accepted

    def status(self, job_id: str = "") -> list[pb.JobStatus]:
        """The status of one job, or of every job when `job_id` is empty."""
        request = pb.JobRequest()
        request.status.job_id = job_id
        reply = self._call(request, retry=True)
        if reply.WhichOneof("result") != "statuses":
            raise NewsbusError(f"expected 'statuses' in answer to status, got {reply.WhichOneof('result')!r}")
        return list(reply.statuses.jobs)

    def report(self, job_id: str) -> pb.ReportFiles:
        """The report files of a finished job."""
        request = pb.JobRequest()
        request.report.job_id = job_id
        reply = self._call(request, retry=True)
        if reply.WhichOneof("result") != "report":
            raise NewsbusError(f"expected 'report' in answer to report, got {reply.WhichOneof('result')!r}")
        return reply.report

    def wait(self, job_id: str, *, poll: float = 0.5, timeout: float | None = None,
             progress: Callable[[pb.JobStatus], None] | None = None) -> pb.JobStatus:
        """Polls the job's status until it is done (or `timeout` seconds pass) and returns it."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            statuses = [s for s in self.status(job_id) if s.job_id == job_id]
            if not statuses:
                raise JobError("unknown_job", f"the aggregator does not know job {job_id}")
            status = statuses[0]
            if progress is not None:
                progress(status)
            if status.state == "done":
                return status
            if deadline is not None and time.monotonic() >= deadline:
                raise NewsbusError(f"job {job_id} not done after {timeout:g} s "
                                   f"({status.chunks_done}/{status.chunks_total} chunks); are workers running?")
            time.sleep(poll)

    def save_report(self, job_id: str, out: str | os.PathLike[str]) -> list[Path]:
        """Writes `out/<job id>/report.{json,md,html}` and returns the paths written."""
        files = self.report(job_id)
        directory = Path(out) / (files.job_id or job_id)
        directory.mkdir(parents=True, exist_ok=True)
        written = []
        for suffix, data in (("json", files.json), ("md", files.markdown), ("html", files.html)):
            if data:
                path = directory / f"report.{suffix}"
                path.write_bytes(data)
                written.append(path)
        return written


DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def article_from_txt(path: Path, default_date: str = "") -> pb.Article:
    """A `.txt` article, read as `newsbus submit` reads it: the first non-blank line is the title,
    the rest (after the blank lines that follow the title) the body; the id is the file stem."""
    try:
        content = path.read_bytes().decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError as error:
        raise NewsbusError(f"{path}: not UTF-8 text (byte {error.start}); convert it to UTF-8") from error
    lines = content.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    title = lines.pop(0).strip() if lines else ""
    while lines and not lines[0].strip():
        lines.pop(0)
    body = "\n".join(lines).rstrip()
    if not body:
        raise NewsbusError(f"{path}: no article text; a .txt article is a title line, then the text")
    return pb.Article(id=path.stem, title=title, date=default_date, text=body)


def articles_from_jsonl(path: Path, default_date: str = "") -> Iterator[pb.Article]:
    """`.jsonl`: one `{id, title, date, source, text}` object per non-blank line; a record without
    an id gets `<file stem>:<line>`."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise NewsbusError(f"{path}:{number}: not JSON ({error.msg}); one article object per line") from error
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise NewsbusError(f"{path}:{number}: an article needs a string 'text' field")
            if not record["text"].strip():
                raise NewsbusError(f"{path}:{number}: empty article text")
            date = str(record.get("date") or "").strip() or default_date
            if date and not DATE.match(date):
                raise NewsbusError(f"{path}:{number}: date {date!r} is not YYYY-MM-DD")
            yield pb.Article(id=str(record.get("id") or "").strip() or f"{path.stem}:{number}",
                             title=str(record.get("title") or ""), date=date,
                             source=str(record.get("source") or "").strip(), text=record["text"])


def read_articles(paths: Iterable[str | os.PathLike[str]], default_date: str = "") -> list[pb.Article]:
    """Reads `.txt` and `.jsonl` files, and such files inside directories (sorted, recursive),
    as `newsbus submit` does: any other named file is one text article; ids must be unique."""
    if default_date and not DATE.match(default_date):
        raise NewsbusError(f"date {default_date!r} is not YYYY-MM-DD")
    articles: list[pb.Article] = []
    for given in map(Path, paths):
        if given.is_dir():
            files = sorted(p for p in given.rglob("*") if p.suffix in (".txt", ".jsonl") and p.is_file())
            if not files:
                raise NewsbusError(f"{given}: no .txt or .jsonl files in this directory")
        elif given.is_file():
            files = [given]
        else:
            raise NewsbusError(f"{given}: no such file or directory")
        for file in files:
            if file.suffix == ".jsonl":
                articles.extend(articles_from_jsonl(file, default_date))
            else:
                articles.append(article_from_txt(file, default_date))
    seen: set[str] = set()
    for article in articles:
        if article.id in seen:
            raise NewsbusError(f"two articles have the id {article.id!r}; ids must be unique within a job")
        seen.add(article.id)
    return articles


def describe(status: pb.JobStatus) -> str:
    """One line about a job, as `status` prints it."""
    return (f"{status.job_id} {status.state} articles={status.articles} failed={status.articles_failed} "
            f"chunks={status.chunks_done}/{status.chunks_total} retries={status.retries}"
            + (f" name={status.name}" if status.name else ""))


def _curve_from_args(args: argparse.Namespace) -> CurveKeys | None:
    given = [args.server_key, args.public_key, args.secret_key]
    if not any(given):
        return None
    if not all(given):
        raise NewsbusError("CURVE needs all of --server-key, --public-key and --secret-key")
    return CurveKeys(*(CurveKeys.read_key(p) for p in given))


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; returns the exit status."""
    parser = argparse.ArgumentParser(description="newsbus Python client (MDP 0.2 + protobuf).")
    parser.add_argument("--broker", default=os.environ.get("NEWSBUS_BROKER", DEFAULT_BROKER),
                        help="Broker endpoint (default $NEWSBUS_BROKER or tcp://127.0.0.1:5555).")
    parser.add_argument("--timeout", type=float, default=10.0, help="Seconds to wait for each reply.")
    parser.add_argument("--server-key", help="File with the broker's public CURVE key (Z85).")
    parser.add_argument("--public-key", help="File with this client's public CURVE key (Z85).")
    parser.add_argument("--secret-key", help="File with this client's secret CURVE key (Z85).")
    commands = parser.add_subparsers(dest="command", required=True)
    submit = commands.add_parser("submit", help="Submit .txt/.jsonl files or directories as one job.")
    submit.add_argument("paths", nargs="+")
    submit.add_argument("--name", default="", help="A label shown by status.")
    submit.add_argument("--date", default="", help="Date (YYYY-MM-DD) for articles that carry none.")
    submit.add_argument("--wait", action="store_true", help="Follow progress until the job is done.")
    submit.add_argument("--out", help="With --wait: write the report files under this directory.")
    submit.add_argument("--job-timeout", type=float, help="With --wait: give up after this many seconds.")
    status = commands.add_parser("status", help="Show one job or every job.")
    status.add_argument("job", nargs="?", default="")
    report = commands.add_parser("report", help="Write a finished job's report files.")
    report.add_argument("job")
    report.add_argument("--out", required=True)
    service = commands.add_parser("service", help="Ask the broker (mmi.service) whether a service has workers.")
    service.add_argument("name")
    args = parser.parse_args(argv)

    try:
        with NewsbusClient(args.broker, timeout=args.timeout, curve=_curve_from_args(args)) as client:
            if args.command == "service":
                available = client.mdp.service_available(args.name)
                print(f"{args.name}: {'available' if available else 'no workers'}")
                return 0 if available else 1
            if args.command == "status":
                for job in client.status(args.job):
                    print(describe(job))
                return 0
            if args.command == "report":
                for path in client.save_report(args.job, args.out):
                    print(path)
                return 0
            accepted = client.submit(read_articles(args.paths, args.date), name=args.name)
            print(f"submitted {accepted.job_id} ({accepted.articles} articles)")
            if not args.wait:
                return 0
            started = time.monotonic()
            last: list[tuple[str, int]] = []

            def show(job: pb.JobStatus) -> None:
                if last and last[-1] == (job.state, job.chunks_done):
                    return  # print progress only when it moves
                last.append((job.state, job.chunks_done))
                rate = job.articles / max(time.monotonic() - started, 1e-9) if job.state == "done" else 0.0
                suffix = f" {rate:.1f} articles/s" if rate else ""
                print(describe(job) + suffix, file=sys.stderr)

            final = client.wait(accepted.job_id, timeout=args.job_timeout, progress=show)
            if args.out:
                for path in client.save_report(final.job_id, args.out):
                    print(path)
            return 0 if final.articles_failed == 0 else 3
    except NewsbusError as error:
        print(f"newsbus_client: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
