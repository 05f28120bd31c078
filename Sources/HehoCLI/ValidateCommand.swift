import ArgumentParser

/// `heho validate` (not implemented yet).
struct ValidateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate", abstract: "Not implemented yet.")

  func run() async throws {
    throw ValidationError("'heho validate' is not implemented yet")
  }
}
