import ArgumentParser

extension HehoCommand {
  /// Parses `arguments` and runs the command they name in this process, writing through
  /// `ConsoleContext.current` as the command line would, and returns the exit code.
  ///
  /// Tests and embedders use it to drive the real command code without a subprocess; help and
  /// version text go to the console's output, error messages to its error stream.
  public static func runInProcess(_ arguments: [String]) async -> Int32 {
    do {
      var command = try parseAsRoot(arguments)
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
      return 0
    } catch {
      let code = exitCode(for: error).rawValue
      let text = message(for: error)
      if !text.isEmpty {
        if code == 0 { ConsoleContext.current.out(text) } else { ConsoleContext.current.err(text) }
      }
      return code
    }
  }
}
