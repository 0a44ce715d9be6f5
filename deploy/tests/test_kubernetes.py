"""deploy/kubernetes: every manifest has the Kubernetes object shape and the objects fit together."""

from __future__ import annotations

import copy
import shutil
import subprocess

import pytest
import yaml

import manifest_checks as checks


@pytest.fixture(scope="module")
def documents():
    return checks.kubernetes_documents()


def find(documents, kind, name):
    return next(doc for _, doc in documents if doc["kind"] == kind and doc["metadata"]["name"] == name)


def test_manifests_are_well_formed(documents):
    assert checks.check_kubernetes(documents) == []
    assert checks.check_kustomization() == []


def test_the_required_objects_exist(documents):
    kinds = {(doc["kind"], doc["metadata"]["name"]) for _, doc in documents}
    assert kinds >= {
        ("Deployment", "newsbus-broker"), ("Service", "newsbus-broker"),
        ("Deployment", "newsbus-worker"), ("HorizontalPodAutoscaler", "newsbus-worker"),
        ("StatefulSet", "newsbus-aggregator"), ("Secret", "newsbus-curve"), ("ConfigMap", "newsbus-config")}


def test_roles_run_the_documented_commands(documents):
    commands = {name: find(documents, kind, name)["spec"]["template"]["spec"]["containers"][0]["args"][0]
                for kind, name in [("Deployment", "newsbus-broker"), ("Deployment", "newsbus-worker"),
                                   ("StatefulSet", "newsbus-aggregator")]}
    assert commands == {"newsbus-broker": "broker", "newsbus-worker": "worker", "newsbus-aggregator": "aggregator"}


def test_aggregator_keeps_its_store_on_the_claim(documents):
    aggregator = find(documents, "StatefulSet", "newsbus-aggregator")
    container = aggregator["spec"]["template"]["spec"]["containers"][0]
    store = container["args"][container["args"].index("--store") + 1]
    mounts = {m["name"]: m["mountPath"] for m in container["volumeMounts"]}
    claim = aggregator["spec"]["volumeClaimTemplates"][0]["metadata"]["name"]
    assert mounts[claim] == store
    assert aggregator["spec"]["replicas"] == 1


def test_curve_keys_come_from_the_secret_everywhere(documents):
    for _, doc in documents:
        if doc["kind"] in checks.WORKLOADS:
            pod = doc["spec"]["template"]["spec"]
            secrets = {v["name"]: v["secret"]["secretName"] for v in pod["volumes"] if "secret" in v}
            mounts = {m["name"]: m for m in pod["containers"][0]["volumeMounts"]}
            assert secrets == {"curve-keys": "newsbus-curve"}, doc["metadata"]["name"]
            assert mounts["curve-keys"]["readOnly"] and mounts["curve-keys"]["mountPath"] == "/etc/newsbus/keys"


def mutate_selector(docs):
    find(docs, "Deployment", "newsbus-worker")["spec"]["selector"]["matchLabels"]["app.kubernetes.io/name"] = "x"


def mutate_hpa_target(docs):
    find(docs, "HorizontalPodAutoscaler", "newsbus-worker")["spec"]["scaleTargetRef"]["name"] = "newsbus-workers"


def mutate_service_selector(docs):
    find(docs, "Service", "newsbus-broker")["spec"]["selector"] = {"app.kubernetes.io/name": "brocker"}


def mutate_image(docs):
    del find(docs, "Deployment", "newsbus-broker")["spec"]["template"]["spec"]["containers"][0]["image"]


def mutate_api_version(docs):
    find(docs, "HorizontalPodAutoscaler", "newsbus-worker")["apiVersion"] = "autoscaling/v2beta2"


def mutate_cpu_request(docs):
    container = find(docs, "Deployment", "newsbus-worker")["spec"]["template"]["spec"]["containers"][0]
    del container["resources"]["requests"]["cpu"]


def mutate_claim(docs):
    find(docs, "StatefulSet", "newsbus-aggregator")["spec"]["volumeClaimTemplates"][0]["metadata"]["name"] = "data"


def mutate_variable(docs):
    container = find(docs, "Deployment", "newsbus-worker")["spec"]["template"]["spec"]["containers"][0]
    container["args"][2] = "$(NEWSBUS_BROKER_URL)"


def mutate_target_port(docs):
    find(docs, "Service", "newsbus-broker")["spec"]["ports"][0]["targetPort"] = "zmq"


@pytest.mark.parametrize("mutate, expected", [
    (mutate_selector, "does not match template labels"),
    (mutate_hpa_target, "scaleTargetRef"),
    (mutate_service_selector, "matches no Deployment"),
    (mutate_image, "needs a name and an image"),
    (mutate_api_version, "apiVersion"),
    (mutate_cpu_request, "no CPU request"),
    (mutate_claim, "names no volume"),
    (mutate_variable, "NEWSBUS_BROKER_URL"),
    (mutate_target_port, "targetPort"),
])
def test_checks_catch_broken_manifests(documents, mutate, expected):
    broken = copy.deepcopy(documents)
    mutate(broken)
    problems = checks.check_kubernetes(broken)
    assert any(expected in problem for problem in problems), problems


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl not installed")
def test_kustomize_renders_the_same_objects_with_the_image_tag(documents):
    rendered = subprocess.run(["kubectl", "kustomize", str(checks.KUBERNETES)], capture_output=True, text=True,
                              timeout=120)
    assert rendered.returncode == 0, rendered.stderr
    objects = [("kustomize", doc) for doc in yaml.safe_load_all(rendered.stdout) if doc]
    assert checks.check_kubernetes(objects) == []
    expected = {(doc["kind"], doc["metadata"]["name"]) for _, doc in documents if doc["kind"] != "Secret"}
    assert {(doc["kind"], doc["metadata"]["name"]) for _, doc in objects} == expected
