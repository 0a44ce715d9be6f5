import ArgumentParser

/// `newsbus config show`: the settings in force (environment over file over defaults), as YAML.
struct ConfigShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the settings in force as YAML, each with where it comes from (environment, file:line, default)."
    )

    @OptionGroup var logging: LoggingOptions

    func run() throws {
        print(Self.render(Settings.current))
    }

    /// Every key by section; unset keys are listed as comments.
    static func render(_ settings: Settings) -> String {
        var lines: [String] = []
        for section in ConfigKey.sections {
            lines.append("\(section):")
            for key in ConfigKey.allCases where key.path.hasPrefix(section + ".") {
                let name = key.path.dropFirst(section.count + 1)
                if let (value, source) = settings.resolved(key) {
                    lines.append("  \(name): \(value.yaml)  # \(source)")
                } else {
                    lines.append("  # \(name): not set (\(key.environmentName))")
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
