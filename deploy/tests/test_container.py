"""deploy/container: the Containerfile's stages and the compose file's shape. No container engine
runs here, so nothing is built: these check the recipe, not the image."""

from __future__ import annotations

import copy
import fnmatch
import re

import pytest
import yaml

import manifest_checks as checks
from newsbus_testing import ROOT

CONTAINER = ROOT / "deploy" / "container"


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    text = re.sub(r"\\\n", " ", (CONTAINER / "Containerfile").read_text())
    result = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            result.append((word.upper(), rest.strip()))
    return result


def stages() -> list[list[tuple[str, str]]]:
    result: list[list[tuple[str, str]]] = []
    for instruction in instructions():
        if instruction[0] == "FROM":
            result.append([])
        if result:
            result[-1].append(instruction)
    return result


def args() -> dict[str, str]:
    return dict(rest.split("=", 1) for word, rest in instructions() if word == "ARG" and "=" in rest)


def test_build_stage_uses_swift_6_at_least_the_package_tools_version():
    build = stages()[0]
    assert build[0][1].endswith("AS build")
    image = args()["SWIFT_IMAGE"]
    match = re.match(r"swift:(\d+)\.(\d+)", image)
    tools = re.search(r"swift-tools-version:(\d+)\.(\d+)", (ROOT / "Package.swift").read_text())
    assert match and tools and (int(match[1]), int(match[2])) >= (int(tools[1]), int(tools[2]))
    run = " ".join(rest for word, rest in build if word == "RUN")
    assert "swift build -c release --product newsbus" in run and "*.resources" in run


def test_runtime_stage_is_slim_debian_with_libzmq_the_binary_and_its_resources():
    runtime = stages()[-1]
    assert args()["RUNTIME_IMAGE"].startswith("debian:") and args()["RUNTIME_IMAGE"].endswith("-slim")
    run = " ".join(rest for word, rest in runtime if word == "RUN")
    assert "libzmq5" in run and "libsqlite3-0" in run
    copies = [rest for word, rest in runtime if word == "COPY" and rest.startswith("--from=build")]
    assert "--from=build /out/newsbus /usr/local/bin/newsbus" in copies
    assert "--from=build /out/ /usr/local/bin/" in copies  # the *.resources bundles next to it
    user = [rest for word, rest in runtime if word == "USER"]
    assert user and not user[-1].startswith(("root", "0"))
    assert [rest for word, rest in runtime if word == "ENTRYPOINT"] == ['["/usr/local/bin/newsbus"]']


def test_context_copies_exist_and_are_not_ignored():
    patterns = [line.strip() for line in (CONTAINER / "Containerfile.dockerignore").read_text().splitlines()
                if line.strip() and not line.startswith("#")]

    def ignored(path: str) -> bool:
        result = False
        for pattern in patterns:
            negate = pattern.startswith("!")
            if fnmatch.fnmatch(path.split("/")[0], pattern.lstrip("!")):
                result = not negate
        return result

    for word, rest in instructions():
        if word == "COPY" and not rest.startswith("--from"):
            for source in rest.split()[:-1]:
                assert (ROOT / source).exists(), source
                assert not ignored(source), f"{source} is excluded by Containerfile.dockerignore"


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((CONTAINER / "compose.yaml").read_text())


def test_compose_has_the_spec_shape(compose):
    assert checks.check_compose(compose) == []


def test_compose_runs_broker_aggregator_and_scalable_workers(compose):
    services = compose["services"]
    assert {name: s["command"][0] for name, s in services.items()} == {
        "broker": "broker", "aggregator": "aggregator", "worker": "worker"}
    assert services["worker"]["deploy"]["replicas"] >= 1 and "container_name" not in services["worker"]
    store = services["aggregator"]["command"][services["aggregator"]["command"].index("--store") + 1]
    assert f"aggregator-store:{store}" in services["aggregator"]["volumes"]
    for name in ("aggregator", "worker"):
        command = services[name]["command"]
        assert command[command.index("--broker") + 1] == "tcp://broker:5555"
    assert services["broker"]["ports"] == ["127.0.0.1:5555:5555"]


@pytest.mark.parametrize("change, expected", [
    (lambda c: c["services"]["worker"].update(depends_on=["brokr"]), "unknown service"),
    (lambda c: c["services"]["aggregator"].update(volumes=["store:/data"]), "not declared"),
    (lambda c: c["services"]["broker"].update(ports=["5555:5555"]), "every interface"),
    (lambda c: c["services"]["worker"].pop("image") and c["services"]["worker"].pop("build"), "image or build"),
    (lambda c: c.update(service={}), "unknown top-level"),
])
def test_compose_checks_catch_mistakes(compose, change, expected):
    broken = copy.deepcopy(compose)
    change(broken)
    assert any(expected in problem for problem in checks.check_compose(broken))
