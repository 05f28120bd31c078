import ArgumentParser

/// `heho apply` (not implemented yet).
struct ApplyCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "apply", abstract: "Not implemented yet.")

  func run() async throws {
    throw ValidationError("'heho apply' is not implemented yet")
  }
}
