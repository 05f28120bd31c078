import ArgumentParser

/// The root `heho` command.
public struct HehoCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "heho",
    abstract: "Configuration as code for AI chatbot platforms.",
    version: "0.1.0",
    subcommands: [
      ValidateCommand.self, PlanCommand.self, ApplyCommand.self, DriftCommand.self,
      TestCommand.self, ChatCommand.self,
      ExportCommand.self, OutputCommand.self, LocalCommand.self,
    ]
  )

  public init() {}
}
