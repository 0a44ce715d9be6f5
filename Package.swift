// swift-tools-version:6.1
import PackageDescription

/// Compiler settings every target shares: Swift 6 mode plus the upcoming features that keep
/// the public surface small (see STYLE.md, "Access control").
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let protobuf = Target.Dependency.product(name: "SwiftProtobuf", package: "swift-protobuf")
let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let coreMetrics = Target.Dependency.product(name: "CoreMetrics", package: "swift-metrics")
let prometheus = Target.Dependency.product(name: "Prometheus", package: "swift-prometheus")
let yams = Target.Dependency.product(name: "Yams", package: "Yams")

let package = Package(
    name: "newsbus",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "newsbus", targets: ["newsbus"]),
        // For the libFuzzer package in Fuzz/ (a separate package: it needs unsafe flags).
        .library(
            name: "NewsbusLibraries",
            targets: ["Majordomo", "NewsWire", "Extraction", "Articles", "ExtractionWorker", "Aggregation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-protobuf", exact: "1.39.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Operations (issue 7): metrics API, its Prometheus backend (served by our own small
        // HTTP server), and the YAML parser of the configuration file.
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C shim over Debian's libzmq (libzmq3-dev).
        // No pkgConfig: Debian's libzmq.pc adds a -isystem flag SwiftPM rejects with a warning, and
        // <zmq.h> and libzmq.so are on the default paths anyway.
        .systemLibrary(name: "CZeroMQ", providers: [.apt(["libzmq3-dev"])]),
        // Small, safe Swift layer over libzmq: context, sockets, messages, polling, errors.
        .target(name: "ZeroMQ", dependencies: ["CZeroMQ"], swiftSettings: strictSettings),
        // Majordomo Protocol 0.2 (RFC 18): frames, broker state machine, broker, worker and client APIs.
        .target(name: "Majordomo", dependencies: ["ZeroMQ", logging, coreMetrics], swiftSettings: strictSettings),
        // The protobuf wire schema (generated code is committed) and its conversions.
        .target(
            name: "NewsWire",
            dependencies: [protobuf],
            exclude: ["newsbus.proto"],
            swiftSettings: strictSettings
        ),
        // Pure extraction pipeline: no I/O, no logging, deterministic.
        .target(name: "Extraction", swiftSettings: strictSettings),
        // Trained models and compact tables shipped as resources, loaded for the pipeline.
        .target(
            name: "ExtractionModels",
            dependencies: ["Extraction"],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        // Article readers: .txt, .jsonl and directories, with validation.
        .target(name: "Articles", swiftSettings: strictSettings),
        // The extraction worker role: an MDP worker for `newsbus.extract`.
        .target(
            name: "ExtractionWorker",
            dependencies: ["Majordomo", "NewsWire", "Extraction", "ExtractionModels", protobuf, logging, coreMetrics],
            swiftSettings: strictSettings
        ),
        // The aggregator role: job store, chunking, in-flight window, merging and reports.
        .target(
            name: "Aggregation",
            dependencies: ["Majordomo", "NewsWire", "Extraction", "Articles", protobuf, grdb, logging],
            swiftSettings: strictSettings
        ),
        // Operations: Prometheus /metrics over HTTP, process RSS, and the structured log handler.
        .target(name: "Telemetry", dependencies: [logging, coreMetrics, prometheus], swiftSettings: strictSettings),
        // The `newsbus` command line: a thin layer over the roles.
        .executableTarget(
            name: "newsbus",
            dependencies: [
                "ZeroMQ", "Majordomo", "NewsWire", "Extraction", "ExtractionModels", "Articles",
                "ExtractionWorker", "Aggregation", "Telemetry", argumentParser, logging, coreMetrics, yams,
            ],
            swiftSettings: strictSettings
        ),
        // Bus benchmark (scripts/bench-bus): raw ZeroMQ echo vs our broker vs majortomo's.
        .executableTarget(
            name: "newsbus-bench",
            dependencies: ["ZeroMQ", "Majordomo", "NewsbusTestSupport", logging],
            swiftSettings: strictSettings
        ),
        // Helpers shared by the test targets only.
        .target(
            name: "NewsbusTestSupport",
            dependencies: ["ZeroMQ", "Majordomo", logging],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "ZeroMQTests", dependencies: ["ZeroMQ", "NewsbusTestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "MajordomoTests",
            dependencies: ["Majordomo", "ZeroMQ", "NewsbusTestSupport", logging],
            exclude: ["Interop"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "NewsWireTests", dependencies: ["NewsWire"], swiftSettings: strictSettings),
        .testTarget(
            name: "ExtractionTests",
            dependencies: ["Extraction", "ExtractionModels"],
            exclude: ["Snapshots"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "ArticlesTests", dependencies: ["Articles", "NewsbusTestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "AggregationTests",
            dependencies: [
                "Aggregation", "NewsWire", "Extraction", "Articles", "Majordomo", "ZeroMQ", "NewsbusTestSupport",
                protobuf, logging,
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ExtractionWorkerTests",
            dependencies: ["ExtractionWorker", "NewsWire", "Extraction", "ExtractionModels", protobuf],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TelemetryTests",
            dependencies: ["Telemetry", logging, coreMetrics, prometheus],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NewsbusCLITests",
            dependencies: ["NewsbusTestSupport", "newsbus", "ZeroMQ", "NewsWire", protobuf],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
