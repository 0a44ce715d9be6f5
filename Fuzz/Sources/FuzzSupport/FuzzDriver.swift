import Foundation

/// libFuzzer's entry point when the program has its own `main` (the runtime is linked by
/// `-sanitize=fuzzer`).
@_silgen_name("LLVMFuzzerRunDriver")
private func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// Runs libFuzzer with the process's arguments, calling a closure with each input.
public enum FuzzDriver {
    /// The per-input closure; set once before the driver starts, read only by the driver's thread.
    nonisolated(unsafe) private static var testOneInput: ([UInt8]) -> Void = { _ in }

    /// Hands control to libFuzzer (which parses `-max_total_time=`, corpus directories, etc.)
    /// and exits with its status. `body` must trap on a bug and return normally otherwise.
    public static func run(_ body: @escaping ([UInt8]) -> Void) -> Never {
        testOneInput = body
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        let status = llvmFuzzerRunDriver(&argc, &argv) { data, size in
            let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
            FuzzDriver.testOneInput(bytes)
            return 0
        }
        exit(status)
    }
}
