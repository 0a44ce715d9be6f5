"""Every command line the deploy files run (systemd ExecStart, compose command, Kubernetes args)
uses a `newsbus` subcommand and options that this build's `--help` lists."""

from __future__ import annotations

import re
import subprocess

import pytest
import yaml

import manifest_checks as checks
from newsbus_testing import ROOT, has_subcommand, newsbus_binary


def command_lines() -> list[tuple[str, list[str]]]:
    """(where, argv after the binary) for every role command in deploy/."""
    lines = []
    for unit in sorted((ROOT / "deploy/systemd").glob("*.service")):
        for line in unit.read_text().splitlines():
            if line.startswith("ExecStart="):
                lines.append((unit.name, line.partition("=")[2].split()[1:]))
    compose = yaml.safe_load((ROOT / "deploy/container/compose.yaml").read_text())
    for name, service in compose["services"].items():
        lines.append((f"compose {name}", service["command"]))
    for file, doc in checks.kubernetes_documents():
        if doc["kind"] in checks.WORKLOADS:
            for container in doc["spec"]["template"]["spec"]["containers"]:
                lines.append((f"{file} {container['name']}", container["args"]))
    return lines


@pytest.fixture(scope="module")
def help_texts() -> dict[str, str]:
    binary = newsbus_binary()
    texts = {}
    for role in ("broker", "aggregator", "worker"):
        if has_subcommand(binary, role):
            texts[role] = subprocess.run([str(binary), role, "--help"], capture_output=True, text=True,
                                         timeout=60).stdout
    return texts


@pytest.mark.parametrize("where, argv", command_lines(), ids=lambda value: value if isinstance(value, str) else "")
def test_command_line_is_accepted_by_this_newsbus(help_texts, where, argv):
    role = argv[0]
    assert role in ("broker", "aggregator", "worker"), f"{where}: unknown role {role!r}"
    if role not in help_texts:
        pytest.skip(f"this newsbus build has no {role} subcommand yet")
    options = [word for word in argv[1:] if re.fullmatch(r"--[a-z][a-z-]*", word)]
    missing = [option for option in options if option not in help_texts[role]]
    assert not missing, f"{where}: `newsbus {role}` does not accept {missing}"


def unit_argv(unit: str, env: dict[str, str]) -> list[str]:
    """The unit's ExecStart with ${VAR} and $VAR expanded as systemd does ($VAR splits on spaces)."""
    line = next(line for line in (ROOT / "deploy/systemd" / unit).read_text().splitlines()
                if line.startswith("ExecStart="))
    words = []
    for word in line.partition("=")[2].split()[1:]:
        if re.fullmatch(r"\$[A-Z_]+", word):
            words.extend(env.get(word[1:], "").split())
        else:
            words.append(re.sub(r"\$\{([A-Z_]+)\}", lambda m: env[m.group(1)], word))
    return words


def test_the_units_command_lines_bring_up_a_working_cluster(start_role, tmp_path):
    """broker, aggregator and worker@ started with the units' own argv (env file values; the
    bind port and the store path swapped for test ones) register newsbus.jobs and newsbus.extract."""
    import newsbus_client as nc
    from test_systemd import env_file
    binary = newsbus_binary()
    if not all(has_subcommand(binary, role) for role in ("aggregator", "worker")):
        pytest.skip("this newsbus build has no aggregator/worker subcommand yet")
    env = {**env_file(), "NEWSBUS_BIND": "tcp://127.0.0.1:0"}
    broker = start_role(*unit_argv("newsbus-broker.service", env))
    env["NEWSBUS_BROKER"] = broker.wait_for_log(r"listening on (tcp://127\.0\.0\.1:\d+)").group(1)
    aggregator = unit_argv("newsbus-aggregator.service", env)
    aggregator[aggregator.index("--store") + 1] = str(tmp_path / "store")
    start_role(*aggregator)
    start_role(*unit_argv("newsbus-worker@.service", env))
    with nc.MDPClient(env["NEWSBUS_BROKER"], timeout=5) as client:
        for service in ("newsbus.jobs", "newsbus.extract"):
            wait_until(lambda: client.service_available(service), service, 120)


def wait_until(condition, what: str, timeout: float) -> None:
    """Polls `condition` until it holds; fails after `timeout` seconds."""
    import time
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} not registered within {timeout:g} s")
        time.sleep(0.1)
