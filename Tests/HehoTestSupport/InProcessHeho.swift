import HehoCLI

/// Runs the real `heho` command code in this process, with a captured console and an injected
/// environment: the path every end-to-end, drift and reliability test drives.
public enum InProcessHeho {
  /// Runs `heho ARGUMENTS`. `answer` makes the console a terminal whose user types it at the
  /// prompt.
  public static func run(
    _ arguments: [String], environment: [String: String], answer: String? = nil
  ) async -> CommandResult {
    let capture = OutputCapture()
    let console = Console(
      out: capture.out, err: capture.err, isTerminal: answer != nil, useColor: false,
      readLine: { answer })
    let code: Int32 = await ConsoleContext.$current.withValue(console) {
      await ProcessEnvironment.$current.withValue(environment) {
        await HehoCommand.runInProcess(arguments)
      }
    }
    let (out, err) = capture.captured
    return CommandResult(arguments: arguments, code: code, out: out, err: err)
  }
}
