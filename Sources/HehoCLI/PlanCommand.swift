import ArgumentParser

/// `heho plan` (not implemented yet).
struct PlanCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan", abstract: "Not implemented yet.")

  func run() async throws {
    throw ValidationError("'heho plan' is not implemented yet")
  }
}
