import ArgumentParser

/// `heho local` (not implemented yet).
struct LocalCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "local", abstract: "Not implemented yet.")

  func run() async throws {
    throw ValidationError("'heho local' is not implemented yet")
  }
}
