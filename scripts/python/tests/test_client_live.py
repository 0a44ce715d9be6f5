"""The client against real newsbus processes on 127.0.0.1 (binary: $NEWSBUS_BIN or .build/*/newsbus).

* mmi.service against `newsbus broker` alone: works with every build that has the broker.
* submit → status → report against broker + aggregator + worker: needs the `aggregator` and
  `worker` subcommands; skipped (saying so) on a build that does not have them yet.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

import newsbus_client as nc
from newsbus_testing import has_subcommand, newsbus_binary

CLIENT = Path(nc.__file__).resolve()
ARTICLE = """Kazakhstan joins Abraham Accords
Kazakh President Kassym-Jomart Tokayev said on Thursday that Kazakhstan will join the Abraham \
Accords. Tokayev spoke with U.S. President Donald Trump in Washington. Israel welcomed the decision.
"""


def test_mmi_service_reports_unknown_service(broker: str):
    with nc.MDPClient(broker, timeout=10) as client:
        assert client.service_available("newsbus.nothing-here") is False


def test_mmi_from_the_command_line(broker: str):
    result = subprocess.run([sys.executable, str(CLIENT), "--broker", broker, "service", "newsbus.jobs"],
                            capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout.strip()) == (1, "newsbus.jobs: no workers")


def test_status_without_aggregator_times_out_with_advice(broker: str):
    result = subprocess.run([sys.executable, str(CLIENT), "--broker", broker, "--timeout", "0.5", "status"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "newsbus.jobs" in result.stderr and "worker is registered" in result.stderr


@pytest.fixture
def cluster(broker: str, start_role, tmp_path: Path) -> str:
    """broker + aggregator (store in tmp) + one worker with two threads; returns the endpoint."""
    binary = newsbus_binary()
    missing = [name for name in ("aggregator", "worker") if not has_subcommand(binary, name)]
    if missing:
        pytest.skip(f"{binary} has no {', '.join(missing)} subcommand yet")
    start_role("aggregator", "--broker", broker, "--store", str(tmp_path / "store"))
    start_role("worker", "--broker", broker, "--threads", "2")
    with nc.MDPClient(broker, timeout=5) as client:
        for service in ("newsbus.jobs", "newsbus.extract"):
            wait_until(lambda: client.service_available(service), f"{service} registered", 120)
    return broker


def wait_until(condition, what: str, timeout: float) -> None:
    """Polls `condition` until it holds (fails the test after `timeout` seconds)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"not {what} within {timeout:g} s")


def test_submit_follow_and_fetch_the_report(cluster: str, tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "accords.txt").write_text(ARTICLE)
    (tmp_path / "in" / "more.jsonl").write_text(json.dumps(
        {"id": "m1", "title": "Talks", "date": "2025-11-06", "source": "test",
         "text": "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Friday."}) + "\n")
    seen: list[str] = []
    with nc.NewsbusClient(cluster, timeout=30) as client:
        accepted = client.submit(nc.read_articles([tmp_path / "in"]), name="pytest")
        assert accepted.job_id and accepted.articles == 2
        final = client.wait(accepted.job_id, timeout=300, progress=lambda s: seen.append(s.state))
        assert final.state == "done" and final.articles_failed == 0
        assert final.chunks_done == final.chunks_total > 0
        listed = {s.job_id for s in client.status()}
        assert accepted.job_id in listed
        paths = client.save_report(accepted.job_id, tmp_path / "out")
    assert seen[-1] == "done"
    report = json.loads((tmp_path / "out" / accepted.job_id / "report.json").read_text())
    assert sorted(a["id"] for a in report["articles"]) == ["accords", "m1"]
    names = {e["name"] for e in report["entities"]}
    assert "Kassym-Jomart Tokayev" in names or "Tokayev" in " ".join(names)
    assert {p.name for p in paths} >= {"report.json"}


def test_cli_submit_wait_out(cluster: str, tmp_path: Path):
    article = tmp_path / "accords.txt"
    article.write_text(ARTICLE)
    result = subprocess.run([sys.executable, str(CLIENT), "--broker", cluster, "--timeout", "30", "submit",
                             "--wait", "--job-timeout", "300", "--out", str(tmp_path / "out"), str(article)],
                            capture_output=True, text=True, timeout=400)
    assert result.returncode == 0, result.stderr
    assert "done" in result.stderr
    written = [Path(line) for line in result.stdout.splitlines() if line.endswith("report.json")]
    assert written and json.loads(written[0].read_text())["articles"][0]["status"] == "ok"


def test_unknown_report_is_a_clear_error(cluster: str, tmp_path: Path):
    result = subprocess.run([sys.executable, str(CLIENT), "--broker", cluster, "--timeout", "30", "report",
                             "no-such-job", "--out", str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stdout
    assert result.stderr.startswith("newsbus_client: ") and not result.stdout


@pytest.mark.parametrize("name, content", [
    ("accords.txt", "\n" + ARTICLE.replace("\n", "\r\n", 1) + "\n\n"),
    ("batch.jsonl", '{"title": "A", "date": "2025-11-06", "source": "s", "text": "Scholz met Macron."}\n\n'
                    '{"id": "b", "text": "Tokayev spoke."}\n'),
])
def test_article_reading_matches_newsbus_submit(cluster: str, tmp_path: Path, name: str, content: str):
    """The client reads files exactly as `newsbus submit` does (id, title, date, source)."""
    path = tmp_path / name
    path.write_text(content)
    out = tmp_path / "out"
    result = subprocess.run([str(newsbus_binary()), "submit", "--broker", cluster, "--wait", "--out", str(out),
                             str(path)], capture_output=True, text=True, timeout=400)
    assert result.returncode == 0, result.stderr
    (report,) = out.glob("*/report.json")
    swift = [{key: article.get(key) or None for key in ("id", "title", "date", "source")}
             for article in json.loads(report.read_text())["articles"]]
    python = [{"id": a.id, "title": a.title or None, "date": a.date or None, "source": a.source or None}
              for a in nc.read_articles([path])]
    assert swift == python
