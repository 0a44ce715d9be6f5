import ArgumentParser

/// The `newsbus` command: every role and tool of the cluster, one subcommand each.
@main
struct Newsbus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsbus",
        abstract: "Turn streams of news articles into reports of entities and events, on one machine or many.",
        discussion: """
            Start with `newsbus run ARTICLES…`: it runs the whole cluster in one process and writes \
            report.json, report.md and report.html. The other subcommands run each role on its own.
            """,
        version: "0.1.0",
        subcommands: [
            RunCommand.self,
            BrokerCommand.self,
            AggregatorCommand.self,
            WorkerCommand.self,
            SubmitCommand.self,
            StatusCommand.self,
            ReportCommand.self,
            ConfigCommand.self,
            KeygenCommand.self,
            ExtractCommand.self,
            TrainCommand.self,
            TagCommand.self,
            ScoreCommand.self,
        ]
    )
}
