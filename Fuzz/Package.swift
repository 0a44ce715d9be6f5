// swift-tools-version:6.1
// libFuzzer targets for newsbus. A separate package on purpose: the targets need
// `-sanitize=fuzzer` (unsafe flags), which the main package's `swift build`/`swift test` must
// never see. Build and run them with `scripts/fuzz`: it also instruments the main package's
// modules for coverage (`-Xswiftc -Xfrontend -Xswiftc -sanitize=fuzzer`: compile only).
import Foundation
import PackageDescription

/// The main package is the parent directory; SwiftPM names a path dependency after its folder.
let mainPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent
let newsbus = Target.Dependency.product(name: "NewsbusLibraries", package: mainPackage)
let protobuf = Target.Dependency.product(name: "SwiftProtobuf", package: "swift-protobuf")

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]
/// libFuzzer without its `main`: each target's main.swift calls `LLVMFuzzerRunDriver` itself.
/// (`-sanitize=fuzzer` at link time would add libFuzzer's own `main`, which clashes with ours.)
/// Found next to the toolchain's clang, or given as NEWSBUS_FUZZER_RUNTIME.
func fuzzerRuntime() -> String {
    let environment = ProcessInfo.processInfo.environment
    if let path = environment["NEWSBUS_FUZZER_RUNTIME"], !path.isEmpty { return path }
    #if arch(arm64)
        let archive = "libclang_rt.fuzzer_no_main-aarch64.a"
    #else
        let archive = "libclang_rt.fuzzer_no_main-x86_64.a"
    #endif
    let files = FileManager.default
    for directory in (environment["PATH"] ?? "/usr/bin").split(separator: ":") {
        let swiftc = URL(fileURLWithPath: String(directory)).appendingPathComponent("swiftc")
        guard files.isExecutableFile(atPath: swiftc.path) else { continue }
        let clang = swiftc.resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("lib/clang")
        for version in (try? files.contentsOfDirectory(atPath: clang.path)) ?? [] {
            let candidate = clang.appendingPathComponent("\(version)/lib/linux/\(archive)").path
            if files.fileExists(atPath: candidate) { return candidate }
        }
    }
    return archive  // not found: the link fails naming it
}

let fuzzerSwift: [SwiftSetting] = strictSettings + [.unsafeFlags(["-sanitize=fuzzer"])]
let fuzzerLink: [LinkerSetting] = [
    .unsafeFlags(["-Xlinker", fuzzerRuntime()]), .linkedLibrary("stdc++"), .linkedLibrary("m"),
]

/// One libFuzzer executable per parser family.
func fuzzTarget(_ name: String, _ dependencies: [Target.Dependency] = []) -> Target {
    .executableTarget(
        name: name, dependencies: ["FuzzSupport", newsbus] + dependencies,
        swiftSettings: fuzzerSwift, linkerSettings: fuzzerLink)
}

let package = Package(
    name: "newsbus-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/apple/swift-protobuf", exact: "1.39.0"),
    ],
    targets: [
        // Input splitting and the libFuzzer driver entry point, shared by every target.
        .target(name: "FuzzSupport", dependencies: [newsbus], swiftSettings: strictSettings),
        // MDP frames: broker-, worker- and client-side parsing in both dialects, with round trips.
        fuzzTarget("FuzzFrames"),
        // The broker state machine fed a sequence of parsed messages; its output must parse back.
        fuzzTarget("FuzzBroker"),
        // NewsWire messages decoded from bytes, and the extraction worker consuming requests.
        fuzzTarget("FuzzProtobuf", [protobuf]),
        // The aggregator (temp JobStore) taking arbitrary job requests and extract replies.
        fuzzTarget("FuzzAggregator", [protobuf]),
        // The .txt and .jsonl article readers on arbitrary file contents.
        fuzzTarget("FuzzArticles"),
        // Tokenizer + SentenceSplitter + TemporalNormalizer on arbitrary UTF-8.
        fuzzTarget("FuzzPipeline"),
    ],
    swiftLanguageModes: [.v6]
)
