import ArgumentParser

/// `newsbus config`: check a configuration file, or print the settings in force.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check a configuration file, or show the settings in force and where each comes from.",
        discussion: """
            One YAML file configures every role (sections log, broker, aggregator, worker, curve; see \
            deploy/newsbus.yaml). Each key also has a NEWSBUS_* environment variable (broker.queue_limit: \
            NEWSBUS_BROKER_QUEUE_LIMIT). Precedence: command-line flags, then environment, then file, then defaults.
            """,
        subcommands: [ConfigCheckCommand.self, ConfigShowCommand.self]
    )
}
