import ArgumentParser
import Foundation

/// The `tongxin` command: one subcommand per capability, each in its own file.
@main
struct Tongxin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tongxin",
        abstract: "Coverage, pairing, centrality, queries and diagrams for grassroots organization networks.",
        subcommands: [
            Info.self, Validate.self, Convert.self, CoverageCommand.self, PairingCommand.self,
            CentralityCommand.self, PathCommand.self, NeighborsCommand.self, Render.self,
            GraphvizWorkerCommand.self, QueryCommand.self, Report.self,
            ExtractCommand.self, DiffCommand.self, ImportCommand.self, MapCommand.self, ServeCommand.self
        ]
    )

    /// Runs the command line. Argument errors (an unknown option, a value out of range) exit with
    /// status 1 like every other input error, rather than ArgumentParser's 64; `--help` still exits 0
    /// and a command's own statuses (coverage's `--min-rate` gate: 2) pass through.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            guard code == .validationFailure else { exit(withError: error) }
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(ExitCode.failure.rawValue)
        }
    }
}
