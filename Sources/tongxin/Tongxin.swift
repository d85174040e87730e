import ArgumentParser

/// The `tongxin` command: one subcommand per capability, each in its own file.
@main
struct Tongxin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tongxin",
        abstract: "Coverage, pairing, centrality, queries and diagrams for grassroots organization networks.",
        subcommands: [Info.self, Validate.self, Convert.self, CoverageCommand.self, PairingCommand.self,
                      CentralityCommand.self, PathCommand.self, NeighborsCommand.self, Render.self,
                      GraphvizWorkerCommand.self, QueryCommand.self, Report.self]
    )
}
