import ArgumentParser

/// Reports an error on the console and ends the command with exit code 1.
enum CommandFailure {
  /// Writes `error: message` and returns the exit code to throw.
  static func report(_ message: String) -> ExitCode {
    ConsoleContext.current.err("error: \(message)")
    return ExitCode.failure
  }
}
