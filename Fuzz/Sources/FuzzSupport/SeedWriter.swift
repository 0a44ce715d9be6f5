import Foundation

/// Writes a target's seed corpus when the program is run as `<target> --write-seeds DIR`
/// (instead of fuzzing), so seeds come from the real serializers.
public enum SeedWriter {
    /// The directory after `--write-seeds` in the arguments, or `nil` to fuzz.
    public static var requestedDirectory: String? {
        let arguments = CommandLine.arguments
        guard let flag = arguments.firstIndex(of: "--write-seeds"), flag + 1 < arguments.count else { return nil }
        return arguments[flag + 1]
    }

    /// Writes each seed to `directory/<name>` and exits.
    public static func write(_ seeds: [(name: String, bytes: [UInt8])], to directory: String) -> Never {
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            for seed in seeds {
                try Data(seed.bytes).write(to: url.appendingPathComponent(seed.name))
            }
        } catch {
            FileHandle.standardError.write(Data("cannot write seeds to \(directory): \(error)\n".utf8))
            exit(1)
        }
        print("wrote \(seeds.count) seeds to \(directory)")
        exit(0)
    }
}
