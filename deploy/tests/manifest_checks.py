#!/usr/bin/env python3
"""Structural checks of deploy/kubernetes and deploy/container/compose.yaml, offline.

No cluster and no Docker here, so this checks what a reviewer would: every document has the
Kubernetes object shape (apiVersion/kind/metadata.name, the spec fields each kind requires),
workload selectors match their pod template labels, containers name an image and a command,
Services select existing pods and target declared ports, the HPA scales an existing Deployment
whose containers request CPU, referenced ConfigMaps/Secrets/volumes exist, $(VAR) in args is
defined; and the compose file has the compose spec's shape.

    python3 deploy/tests/manifest_checks.py        # prints problems, exit status 1 if any
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any, Iterable

import yaml

DEPLOY = Path(__file__).resolve().parents[1]
KUBERNETES = DEPLOY / "kubernetes"
COMPOSE = DEPLOY / "container" / "compose.yaml"

#: kind → the apiVersion it lives in (the versions current Kubernetes serves).
API_VERSIONS = {
    "Namespace": "v1", "ConfigMap": "v1", "Secret": "v1", "Service": "v1",
    "Deployment": "apps/v1", "StatefulSet": "apps/v1",
    "HorizontalPodAutoscaler": "autoscaling/v2", "NetworkPolicy": "networking.k8s.io/v1",
    "PodDisruptionBudget": "policy/v1", "Kustomization": "kustomize.config.k8s.io/v1beta1",
}
DNS_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
DNS_SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
WORKLOADS = ("Deployment", "StatefulSet")


def load_documents(paths: Iterable[Path]) -> list[tuple[str, dict[str, Any]]]:
    """(file name, document) for every non-empty YAML document in `paths`."""
    documents = []
    for path in paths:
        for document in yaml.safe_load_all(path.read_text()):
            if document is not None:
                documents.append((path.name, document))
    return documents


def kubernetes_documents() -> list[tuple[str, dict[str, Any]]]:
    """Every manifest in deploy/kubernetes except kustomization.yaml."""
    files = sorted(p for p in KUBERNETES.glob("*.yaml") if p.name != "kustomization.yaml")
    return load_documents(files)


def _get(node: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def check_kubernetes(documents: list[tuple[str, dict[str, Any]]]) -> list[str]:
    """Problems found in the given manifests (empty when they are well-formed)."""
    problems: list[str] = []
    objects: dict[tuple[str, str], dict[str, Any]] = {}

    def problem(where: str, text: str) -> None:
        problems.append(f"{where}: {text}")

    for file, doc in documents:
        kind, name = doc.get("kind"), _get(doc, "metadata", "name")
        where = f"{file}: {kind}/{name}"
        if kind not in API_VERSIONS:
            problem(where, f"unknown kind {kind!r}")
            continue
        if doc.get("apiVersion") != API_VERSIONS[kind]:
            problem(where, f"apiVersion {doc.get('apiVersion')!r}, expected {API_VERSIONS[kind]!r}")
        if not isinstance(name, str) or not DNS_SUBDOMAIN.match(name) or len(name) > 253:
            problem(where, "metadata.name must be a lower-case DNS name")
        if kind != "Namespace" and _get(doc, "metadata", "namespace") != "newsbus":
            problem(where, "metadata.namespace must be 'newsbus'")
        if (kind, name) in objects:
            problem(where, "defined twice")
        objects[(kind, name)] = doc

    pod_labels: list[tuple[str, dict[str, str], dict[str, Any]]] = []  # (workload, labels, pod spec)
    for (kind, name), doc in objects.items():
        where = f"{kind}/{name}"
        if kind in WORKLOADS:
            pod_labels.append((where, _get(doc, "spec", "template", "metadata", "labels") or {},
                               _get(doc, "spec", "template", "spec") or {}))
    volume_claims = {
        f"StatefulSet/{name}": {_get(t, "metadata", "name") for t in _get(doc, "spec", "volumeClaimTemplates") or []}
        for (kind, name), doc in objects.items() if kind == "StatefulSet"}

    for (kind, name), doc in objects.items():
        where = f"{kind}/{name}"
        spec = doc.get("spec")
        if kind in WORKLOADS:
            problems.extend(_check_workload(where, doc, objects, volume_claims.get(where, set())))
        elif kind == "Service":
            selector = _get(spec, "selector") or {}
            ports = _get(spec, "ports") or []
            if not selector:
                problem(where, "spec.selector is empty")
            matched = [(w, pod) for w, labels, pod in pod_labels if selector.items() <= labels.items()]
            if selector and not matched:
                problem(where, f"selector {selector} matches no Deployment/StatefulSet pod labels")
            if not ports:
                problem(where, "spec.ports is empty")
            for port in ports:
                if not isinstance(port.get("port"), int):
                    problem(where, f"port {port} needs an integer 'port'")
                target = port.get("targetPort", port.get("port"))
                if spec.get("clusterIP") == "None" and "targetPort" not in port:
                    continue  # headless: nothing is proxied
                declared = {p.get(k) for _, pod in matched for c in pod.get("containers", [])
                            for p in c.get("ports", []) for k in ("name", "containerPort")}
                if matched and target not in declared:
                    problem(where, f"targetPort {target!r} is not a port of the selected containers")
        elif kind == "HorizontalPodAutoscaler":
            ref = _get(spec, "scaleTargetRef") or {}
            target = objects.get((ref.get("kind"), ref.get("name")))
            if ref.get("apiVersion") != "apps/v1" or target is None or ref.get("kind") not in WORKLOADS:
                problem(where, f"scaleTargetRef {ref} names no Deployment/StatefulSet in these manifests")
            low, high = spec.get("minReplicas", 1), spec.get("maxReplicas")
            if not isinstance(high, int) or not isinstance(low, int) or not 1 <= low <= high:
                problem(where, "needs integer 1 <= minReplicas <= maxReplicas")
            cpu = [m for m in spec.get("metrics") or [] if m.get("type") == "Resource"
                   and _get(m, "resource", "name") == "cpu"]
            if not cpu or _get(cpu[0], "resource", "target", "type") != "Utilization" or not isinstance(
                    _get(cpu[0], "resource", "target", "averageUtilization"), int):
                problem(where, "needs a Resource cpu metric with a Utilization target (averageUtilization)")
            for container in _get(target, "spec", "template", "spec", "containers") or []:
                if not _get(container, "resources", "requests", "cpu"):
                    problem(where, f"container {container.get('name')!r} has no CPU request to scale against")
        elif kind in ("ConfigMap", "Secret"):
            data = {**(doc.get("data") or {}), **(doc.get("stringData") or {})}
            if not data or not all(isinstance(v, str) for v in data.values()):
                problem(where, "needs data/stringData with string values")
        elif kind == "NetworkPolicy":
            selector = _get(spec, "podSelector", "matchLabels") or {}
            if not any(selector.items() <= labels.items() for _, labels, _ in pod_labels):
                problem(where, f"podSelector {selector} matches no pods")
    return problems


def _check_workload(where: str, doc: dict[str, Any], objects: dict[tuple[str, str], dict[str, Any]],
                    claims: set[str]) -> list[str]:
    problems = []
    spec = doc.get("spec") or {}
    selector = _get(spec, "selector", "matchLabels") or {}
    labels = _get(spec, "template", "metadata", "labels") or {}
    if not selector:
        problems.append(f"{where}: spec.selector.matchLabels is empty")
    elif not selector.items() <= labels.items():
        problems.append(f"{where}: selector {selector} does not match template labels {labels}")
    if doc.get("kind") == "StatefulSet":
        service = objects.get(("Service", spec.get("serviceName")))
        if service is None or _get(service, "spec", "clusterIP") != "None":
            problems.append(f"{where}: serviceName must name a headless Service in these manifests")
        for template in spec.get("volumeClaimTemplates") or []:
            if not _get(template, "spec", "accessModes") or not _get(template, "spec", "resources", "requests",
                                                                       "storage"):
                problems.append(f"{where}: volumeClaimTemplate needs accessModes and a storage request")
    pod = _get(spec, "template", "spec") or {}
    containers = pod.get("containers") or []
    if not containers:
        problems.append(f"{where}: no containers")
    volumes = {v.get("name"): v for v in pod.get("volumes") or []}
    for volume in volumes.values():
        for source, kind, key in (("secret", "Secret", "secretName"), ("configMap", "ConfigMap", "name")):
            ref = _get(volume, source, key)
            if source in volume and (kind, ref) not in objects and not _get(volume, source, "optional"):
                problems.append(f"{where}: volume {volume.get('name')!r} needs {kind} {ref!r}")
    for container in containers:
        cwhere = f"{where} container {container.get('name')!r}"
        if not container.get("name") or not container.get("image"):
            problems.append(f"{cwhere}: needs a name and an image")
        command = (container.get("command") or []) + (container.get("args") or [])
        if not command or not all(isinstance(word, str) for word in command):
            problems.append(f"{cwhere}: needs command/args as strings")
        env = {e.get("name") for e in container.get("env") or []}
        for source in container.get("envFrom") or []:
            ref = _get(source, "configMapRef", "name")
            if ref is not None:
                config = objects.get(("ConfigMap", ref))
                if config is None:
                    problems.append(f"{cwhere}: envFrom names missing ConfigMap {ref!r}")
                else:
                    env |= set(config.get("data") or {})
        for word in command:
            for variable in re.findall(r"\$\(([A-Za-z_][A-Za-z0-9_]*)\)", word):
                if variable not in env:
                    problems.append(f"{cwhere}: $({variable}) is not defined in env/envFrom")
        for mount in container.get("volumeMounts") or []:
            if mount.get("name") not in volumes and mount.get("name") not in claims:
                problems.append(f"{cwhere}: volumeMount {mount.get('name')!r} names no volume")
        for port in container.get("ports") or []:
            if not isinstance(port.get("containerPort"), int):
                problems.append(f"{cwhere}: containerPort must be an integer")
    return problems


def check_kustomization() -> list[str]:
    """kustomization.yaml lists exactly the manifests (the Secret template deliberately not)."""
    listed = set(yaml.safe_load((KUBERNETES / "kustomization.yaml").read_text()).get("resources") or [])
    present = {p.name for p in KUBERNETES.glob("*.yaml")} - {"kustomization.yaml"}
    expected = {name for name in present if ".template." not in name}
    problems = [f"kustomization.yaml lists missing file {name}" for name in sorted(listed - present)]
    problems += [f"kustomization.yaml does not list {name}" for name in sorted(expected - listed)]
    return problems


def check_compose(document: dict[str, Any]) -> list[str]:
    """The compose spec's shape for our file: services with image/build, known top-level keys,
    depends_on and named volumes that exist, an environment map or list."""
    problems = []
    allowed = {"name", "services", "volumes", "networks", "secrets", "configs", "x-newsbus", "include"}
    unknown = set(document) - allowed
    if unknown and not all(key.startswith("x-") for key in unknown):
        problems.append(f"compose: unknown top-level keys {sorted(unknown)}")
    services = document.get("services")
    if not isinstance(services, dict) or not services:
        return problems + ["compose: 'services' must be a non-empty mapping"]
    volumes = set(document.get("volumes") or {})
    for name, service in services.items():
        where = f"compose service {name!r}"
        if not isinstance(service, dict) or not ("image" in service or "build" in service):
            problems.append(f"{where}: needs image or build")
            continue
        command = service.get("command")
        if command is not None and not (isinstance(command, str) or all(isinstance(w, str) for w in command)):
            problems.append(f"{where}: command must be a string or a list of strings")
        depends = service.get("depends_on") or []
        for dependency in depends if isinstance(depends, list) else depends.keys():
            if dependency not in services:
                problems.append(f"{where}: depends_on unknown service {dependency!r}")
        for mount in service.get("volumes") or []:
            source = mount.split(":", 1)[0] if isinstance(mount, str) else mount.get("source")
            if source and not source.startswith((".", "/", "~")) and source not in volumes:
                problems.append(f"{where}: volume {source!r} is not declared under top-level volumes")
        environment = service.get("environment")
        if environment is not None and not isinstance(environment, (dict, list)):
            problems.append(f"{where}: environment must be a mapping or a list")
        replicas = _get(service, "deploy", "replicas")
        if replicas is not None and (not isinstance(replicas, int) or replicas < 0):
            problems.append(f"{where}: deploy.replicas must be a non-negative integer")
        for port in service.get("ports") or []:
            text = str(port if not isinstance(port, dict) else port.get("host_ip", ""))
            if isinstance(port, str) and port.count(":") >= 2 and not text.startswith("127.0.0.1:"):
                problems.append(f"{where}: publish ports on 127.0.0.1 only ({port!r})")
            if isinstance(port, str) and port.count(":") < 2:
                problems.append(f"{where}: port {port!r} would publish on every interface; prefix 127.0.0.1:")
    return problems


def main() -> int:
    """Prints every problem; exit status 1 if there is one."""
    problems = check_kubernetes(kubernetes_documents()) + check_kustomization()
    if COMPOSE.exists():
        problems += check_compose(yaml.safe_load(COMPOSE.read_text()))
    for line in problems:
        print(line)
    print(f"{len(problems)} problem(s)" if problems else "manifests OK", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
