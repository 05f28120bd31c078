import ArgumentParser
import HehoEngine

extension HehoCommand {
  /// Parses `arguments` and runs the command they name in this process, writing through
  /// `ConsoleContext.current` as the command line would, and returns the exit code.
  ///
  /// The `heho` executable runs through it, and tests use it to drive the real command code
  /// without a subprocess; help and version text go to the console's output, error messages to
  /// its error stream. Every key and webhook secret the run resolves is redacted from
  /// everything it prints, and from each value a report shows before it is shortened.
  public static func runInProcess(_ arguments: [String]) async -> Int32 {
    let secrets = Secrets()
    let console = ConsoleContext.current.redacting(secrets)
    return await Secrets.$current.withValue(secrets) {
      await ValueRedaction.$current.withValue(.init { secrets.redact($0) }) {
        await ConsoleContext.$current.withValue(console) { await run(arguments) }
      }
    }
  }

  private static func run(_ arguments: [String]) async -> Int32 {
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
      let text = fullMessage(for: error)
      if !text.isEmpty {
        if code == 0 { ConsoleContext.current.out(text) } else { ConsoleContext.current.err(text) }
      }
      return code
    }
  }
}
