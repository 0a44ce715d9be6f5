"""The client without a cluster: generated code, framing, article files, a scripted broker."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
import warnings
from pathlib import Path

import pytest
import zmq

import newsbus_client as nc
import newsbus_pb2 as pb

ROOT = Path(__file__).resolve().parents[3]


def test_generated_code_matches_the_schema(tmp_path: Path):
    """newsbus_pb2.py is what protoc makes from newsbus.proto today (run scripts/python/generate)."""
    if shutil.which("protoc") is None:
        pytest.fail("protoc not found: apt-get install protobuf-compiler")
    subprocess.run(["protoc", f"--proto_path={ROOT}/Sources/NewsWire", f"--python_out={tmp_path}",
                    str(ROOT / "Sources/NewsWire/newsbus.proto")], check=True)
    committed = (ROOT / "scripts/python/newsbus_pb2.py").read_text()
    assert committed == (tmp_path / "newsbus_pb2.py").read_text(), (
        "scripts/python/newsbus_pb2.py is stale: run scripts/python/generate and commit it")


def test_protobuf_runtime_loads_the_gencode_without_warnings():
    script = "import warnings; warnings.simplefilter('error'); import newsbus_pb2; print('ok')"
    result = subprocess.run([sys.executable, "-W", "error", "-c", script], capture_output=True, text=True,
                            cwd=ROOT / "scripts/python")
    assert result.stdout.strip() == "ok", result.stderr


def test_job_request_round_trips():
    request = pb.JobRequest(schema_version=nc.SCHEMA_VERSION)
    request.submit.articles.add(id="a1", title="T", date="2025-11-06", text="Tokayev met Putin.")
    decoded = pb.JobRequest.FromString(request.SerializeToString())
    assert decoded.WhichOneof("command") == "submit"
    assert decoded.submit.articles[0].text == "Tokayev met Putin."


def test_request_frames_follow_rfc18():
    assert nc.MDPClient.request_frames("newsbus.jobs", [b"x"]) == [b"MDPC02", b"\x01", b"newsbus.jobs", b"x"]


@pytest.mark.parametrize("frames, expected", [
    ([b"MDPC02", b"\x03", b"svc", b"body"], (True, [b"body"])),
    ([b"MDPC02", b"\x02", b"svc", b"a", b"b"], (False, [b"a", b"b"])),
])
def test_parse_reply_accepts_partial_and_final(frames, expected):
    assert nc.MDPClient.parse_reply(frames, "svc") == expected


@pytest.mark.parametrize("frames", [
    [b"MDPW02", b"\x03", b"svc"],         # worker header
    [b"MDPC02", b"\x01", b"svc"],         # a REQUEST never comes back
    [b"MDPC02", b"\x03", b"other"],       # wrong service
    [b"MDPC02"],                          # truncated
])
def test_parse_reply_rejects_malformed_frames(frames):
    with pytest.raises(nc.NewsbusError):
        nc.MDPClient.parse_reply(frames, "svc")


def test_read_articles_from_txt_jsonl_and_directories(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text("\n  A title \r\n\r\nFirst line.\nSecond line.\n\n")
    records = [{"id": "x", "title": "X", "date": "2025-01-02", "source": "wire", "text": "Body x."},
               {"text": "No id."}]
    (tmp_path / "many.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n\n")
    (tmp_path / "ignored.csv").write_text("a,b\n")
    articles = nc.read_articles([tmp_path])
    assert [a.id for a in articles] == ["x", "many:2", "one"]
    byid = {a.id: a for a in articles}
    assert byid["one"].title == "A title" and byid["one"].text == "First line.\nSecond line."
    assert byid["one"].date == "" and nc.read_articles([tmp_path], "2025-03-04")[2].date == "2025-03-04"
    assert byid["x"].date == "2025-01-02" and byid["x"].source == "wire"


def test_read_articles_says_what_is_wrong(tmp_path: Path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok"}\nnot json\n')
    with pytest.raises(nc.NewsbusError, match=r"bad.jsonl:2"):
        nc.read_articles([bad])
    with pytest.raises(nc.NewsbusError, match="no such file"):
        nc.read_articles([tmp_path / "missing.txt"])
    (tmp_path / "a.jsonl").write_text('{"id": "same", "text": "x"}\n')
    (tmp_path / "same.txt").write_text("Title\n\nBody.\n")
    with pytest.raises(nc.NewsbusError, match="unique"):
        nc.read_articles([tmp_path / "a.jsonl", tmp_path / "same.txt"])
    (tmp_path / "dated.jsonl").write_text('{"text": "x", "date": "06/11/2025"}\n')
    with pytest.raises(nc.NewsbusError, match="YYYY-MM-DD"):
        nc.read_articles([tmp_path / "dated.jsonl"])
    (tmp_path / "title-only.txt").write_text("Just a title\n\n")
    with pytest.raises(nc.NewsbusError, match="no article text"):
        nc.read_articles([tmp_path / "title-only.txt"])


class ScriptedBroker:
    """A ROUTER on a free port that answers each request with `answer(frames)` (or not at all)."""

    def __init__(self, answer, server_secret: bytes | None = None):
        self.context = zmq.Context()
        self.router = self.context.socket(zmq.ROUTER)
        self.router.setsockopt(zmq.LINGER, 0)
        if server_secret is not None:
            self.router.curve_server = True
            self.router.curve_secretkey = server_secret
        self.router.bind("tcp://127.0.0.1:0")
        self.endpoint = self.router.getsockopt(zmq.LAST_ENDPOINT).decode()
        self.answer = answer
        self.requests: list[list[bytes]] = []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while not self.stopping.is_set():
            if self.router.poll(50, zmq.POLLIN):
                identity, *frames = self.router.recv_multipart()
                self.requests.append(frames)
                for reply in self.answer(frames) or []:
                    self.router.send_multipart([identity, *reply])

    def close(self):
        self.stopping.set()
        self.thread.join()
        self.router.close()
        self.context.term()


def job_reply(**fields) -> bytes:
    return pb.JobReply(schema_version=1, **fields).SerializeToString()


def test_status_is_decoded_and_partials_are_joined():
    status = pb.JobStatusList(jobs=[pb.JobStatus(job_id="j1", state="running", chunks_total=4, chunks_done=1)])
    body = job_reply(statuses=status)
    scripted = ScriptedBroker(lambda f: [[b"MDPC02", b"\x02", f[2], body[:5]], [b"MDPC02", b"\x03", f[2], body[5:]]])
    try:
        with nc.NewsbusClient(scripted.endpoint, timeout=5) as client:
            jobs = client.status("j1")
        assert [(j.job_id, j.state, j.chunks_done) for j in jobs] == [("j1", "running", 1)]
        sent = pb.JobRequest.FromString(scripted.requests[0][3])
        assert sent.schema_version == 1 and sent.status.job_id == "j1"
    finally:
        scripted.close()


def test_error_replies_become_exceptions():
    replies = {b"newsbus.jobs": job_reply(error=pb.ErrorReply(code="unknown_job", message="no job zz"))}
    scripted = ScriptedBroker(lambda f: [[b"MDPC02", b"\x03", f[2], replies[f[2]]]])
    try:
        with nc.NewsbusClient(scripted.endpoint, timeout=5) as client:
            with pytest.raises(nc.JobError) as raised:
                client.report("zz")
        assert raised.value.code == "unknown_job"
    finally:
        scripted.close()


def test_broker_503_is_reported_as_unavailable():
    scripted = ScriptedBroker(lambda f: [[b"MDPC02", b"\x03", f[2], b"503", b"queue full"]])
    try:
        with nc.NewsbusClient(scripted.endpoint, timeout=5) as client:
            with pytest.raises(nc.BrokerUnavailable, match="queue full"):
                client.status()
    finally:
        scripted.close()


def test_queries_are_retried_but_submit_is_not(monkeypatch):
    sent: list[str] = []
    frames = nc.MDPClient.request_frames

    def spy(service, body):
        sent.append(pb.JobRequest.FromString(body[0]).WhichOneof("command"))
        return frames(service, body)

    monkeypatch.setattr(nc.MDPClient, "request_frames", staticmethod(spy))
    scripted = ScriptedBroker(lambda f: None)  # never answers
    try:
        with nc.NewsbusClient(scripted.endpoint, timeout=0.3, retries=2) as client:
            with pytest.raises(nc.BrokerUnavailable, match="3 attempt"):
                client.status()
            with pytest.raises(nc.BrokerUnavailable, match="1 attempt"):
                client.submit([pb.Article(id="a", text="x")])
        assert sent == ["status"] * 3 + ["submit"]
    finally:
        scripted.close()


def test_curve_keys_from_files_encrypt_the_connection(tmp_path: Path):
    server_public, server_secret = zmq.curve_keypair()
    client_public, client_secret = zmq.curve_keypair()
    for name, key in [("broker.pub", server_public), ("client.pub", client_public), ("client.key", client_secret)]:
        (tmp_path / name).write_bytes(key + b"\n")
    body = job_reply(statuses=pb.JobStatusList())
    scripted = ScriptedBroker(lambda f: [[b"MDPC02", b"\x03", f[2], body]], server_secret=server_secret)
    try:
        keys = nc.CurveKeys(*(nc.CurveKeys.read_key(tmp_path / n) for n in ("broker.pub", "client.pub", "client.key")))
        with nc.NewsbusClient(scripted.endpoint, timeout=5, curve=keys) as client:
            assert client.status() == []
        # Without CURVE the server never sees the request.
        with nc.NewsbusClient(scripted.endpoint, timeout=0.3, retries=0) as client:
            with pytest.raises(nc.BrokerUnavailable):
                client.status()
        assert len(scripted.requests) == 1
    finally:
        scripted.close()


def test_bad_key_file_is_a_clear_error(tmp_path: Path):
    (tmp_path / "short.pub").write_text("abc\n")
    with pytest.raises(nc.NewsbusError, match="40-character Z85"):
        nc.CurveKeys.read_key(tmp_path / "short.pub")
