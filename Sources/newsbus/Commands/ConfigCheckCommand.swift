import ArgumentParser
import Foundation

/// `newsbus config check FILE`: every problem of a configuration file, with its key and line.
struct ConfigCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a configuration file: unknown keys, wrong types, bad endpoints, missing key files.",
        discussion: "Prints 'FILE: ok' and exits 0 when the file is usable; otherwise one line per problem and exit status 1."
    )

    @Argument(help: "The YAML configuration file to check.")
    var file: String

    func run() throws {
        do {
            let config = try ConfigFile.load(path: file)
            print("\(file): ok (\(config.values.count) setting\(config.values.count == 1 ? "" : "s"))")
        } catch {
            for issue in error.issues {
                FileHandle.standardError.write(Data("\(issue)\n".utf8))
            }
            throw ExitCode.failure
        }
    }
}
