"""deploy/systemd: `systemd-analyze verify` in a throw-away root, plus the conventions the
README promises (dedicated user, restart policy, hardening, state directory, env file)."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from newsbus_testing import ROOT

DEPLOY = ROOT / "deploy"

SYSTEMD = DEPLOY / "systemd"
UNITS = ["newsbus-broker.service", "newsbus-aggregator.service", "newsbus-worker@.service"]
ROLE = {"newsbus-broker.service": "broker", "newsbus-aggregator.service": "aggregator",
        "newsbus-worker@.service": "worker"}


def parse_unit(name: str) -> dict[str, dict[str, list[str]]]:
    """Sections → key → every value (systemd keys repeat)."""
    sections: dict[str, dict[str, list[str]]] = {}
    current = None
    for line in (SYSTEMD / name).read_text().splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), {})
            continue
        key, _, value = line.partition("=")
        assert current is not None, f"{name}: {line!r} outside a section"
        current.setdefault(key, []).append(value)
    return sections


def env_file() -> dict[str, str]:
    values = {}
    for line in (SYSTEMD / "newsbus.env").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key] = value
    return values


@pytest.fixture(scope="module")
def fake_root(tmp_path_factory) -> Path:
    """A root with the distribution's units, our units, the env file and a stub /usr/local/bin/newsbus."""
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.fail("systemd-analyze not found: apt-get install systemd")
    root = tmp_path_factory.mktemp("root")
    system_units = next((p for p in (Path("/usr/lib/systemd/system"), Path("/lib/systemd/system"))
                         if (p / "sysinit.target").exists()), None)
    if system_units is None:
        pytest.fail("no systemd unit directory with sysinit.target: apt-get install systemd")
    shutil.copytree(system_units, root / "usr/lib/systemd/system", symlinks=True)
    build = tmp_path_factory.mktemp("build")
    stub = build / "newsbus"
    stub.write_text("#!/bin/sh\nexit 0\n")
    stub.chmod(0o755)
    (build / "newsbus_ExtractionModels.resources").mkdir()
    (build / "newsbus_ExtractionModels.resources" / "model.bin").write_bytes(b"weights")
    subprocess.run([str(SYSTEMD / "install"), "--root", str(root), "--binary", str(stub)], check=True,
                   capture_output=True, timeout=60)
    return root


def verify(root: Path, *units: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["systemd-analyze", "verify", "--man=no", f"--root={root}", *units],
                          capture_output=True, text=True, cwd=root / "etc/systemd/system", timeout=120,
                          env={**os.environ, "SYSTEMD_LOG_COLOR": "0"})


def test_install_stages_binary_resources_units_and_env(fake_root: Path):
    assert os.access(fake_root / "usr/local/bin/newsbus", os.X_OK)
    assert (fake_root / "usr/local/bin/newsbus_ExtractionModels.resources/model.bin").read_bytes() == b"weights"
    assert {p.name for p in (fake_root / "etc/systemd/system").glob("newsbus*")} == set(UNITS)
    assert (fake_root / "etc/newsbus/newsbus.env").read_text() == (SYSTEMD / "newsbus.env").read_text()
    assert (fake_root / "usr/lib/sysusers.d/newsbus.conf").exists()


def test_units_verify_without_any_warning(fake_root: Path):
    # Warnings (unknown keys, unparsable values) keep exit status 0, so any output fails too.
    result = verify(fake_root, "newsbus-broker.service", "newsbus-aggregator.service",
                    "newsbus-worker@1.service", "newsbus-worker@2.service")
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_verify_catches_a_broken_unit(fake_root: Path):
    """The check above can fail: a bad key and a missing binary are reported."""
    unit = fake_root / "etc/systemd/system/newsbus-broken.service"
    text = (SYSTEMD / "newsbus-broker.service").read_text()
    unit.write_text(text.replace("Restart=on-failure", "Restart=sometimes").replace(
        "/usr/local/bin/newsbus", "/usr/local/bin/newsbus-missing"))
    try:
        result = verify(fake_root, "newsbus-broken.service")
    finally:
        unit.unlink()
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "restart specifier" in output and "newsbus-missing" in output


@pytest.mark.parametrize("unit", UNITS)
def test_unit_runs_hardened_as_the_dedicated_user(unit: str):
    service = parse_unit(unit)["Service"]
    expected = {"User": ["newsbus"], "Group": ["newsbus"], "Restart": ["on-failure"],
                "NoNewPrivileges": ["yes"], "ProtectSystem": ["strict"], "ProtectHome": ["yes"],
                "PrivateTmp": ["yes"], "CapabilityBoundingSet": [""],
                "EnvironmentFile": ["/etc/newsbus/newsbus.env"]}
    assert {key: service.get(key) for key in expected} == expected
    assert parse_unit(unit)["Install"]["WantedBy"] == ["multi-user.target"]
    user = (SYSTEMD / "newsbus.sysusers.conf").read_text()
    assert re.search(r"^u newsbus ", user, re.M)


@pytest.mark.parametrize("unit", UNITS)
def test_exec_start_uses_only_variables_the_env_file_defines(unit: str):
    command = parse_unit(unit)["Service"]["ExecStart"][0]
    words = command.split()
    assert words[:2] == ["/usr/local/bin/newsbus", ROLE[unit]]
    used = set(re.findall(r"\$\{?([A-Z_]+)\}?", command))
    assert used and used <= set(env_file())


def test_aggregator_store_is_its_state_directory():
    service = parse_unit("newsbus-aggregator.service")["Service"]
    state = service["StateDirectory"][0]
    command = service["ExecStart"][0].split()
    assert command[command.index("--store") + 1] == f"/var/lib/{state}"


def test_worker_template_is_instanced():
    text = (SYSTEMD / "newsbus-worker@.service").read_text()
    assert "%i" in text and "systemctl enable --now newsbus-worker@{1..4}" in text


@pytest.mark.parametrize("unit", ["newsbus-broker.service", "newsbus-aggregator.service", "newsbus-worker@1.service"])
def test_security_exposure_stays_low(fake_root: Path, unit: str):
    """`systemd-analyze security` (offline) rates each unit at most 2.0 of 10 ("OK"); 1.6 when written."""
    result = subprocess.run(["systemd-analyze", "security", "--offline=true", f"--root={fake_root}",
                             "--threshold=20", unit], capture_output=True, text=True,
                            cwd=fake_root / "etc/systemd/system", timeout=120)
    summary = (result.stdout + result.stderr).strip().splitlines()[-1:]
    assert result.returncode == 0, summary
