import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Where commands write: standard output and error, or a capture in tests.
///
/// Commands never call `print`; they write through a console so that tests can run the
/// real command code and inspect everything it would have shown.
public struct Console: Sendable {
  /// Writes to standard output.
  public var out: @Sendable (String) -> Void
  /// Writes to standard error.
  public var err: @Sendable (String) -> Void
  /// Whether standard output is a terminal (live progress, prompts).
  public var isTerminal: Bool
  /// Whether to use ANSI colors: a terminal, and `NO_COLOR` unset.
  public var useColor: Bool
  /// Reads one line of input (for confirmations); `nil` at end of input.
  public var readLine: @Sendable () -> String?

  /// Creates a console from its parts.
  public init(
    out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
    isTerminal: Bool = false, useColor: Bool = false,
    readLine: @escaping @Sendable () -> String? = { nil }
  ) {
    self.out = out
    self.err = err
    self.isTerminal = isTerminal
    self.useColor = useColor
    self.readLine = readLine
  }

  /// The process's standard output and error.
  public static var standard: Console {
    let terminal = isatty(STDOUT_FILENO) == 1
    let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    return Console(
      // A closed pipe (`heho apply | head`) must never stop an apply half-way: SIGPIPE is
      // ignored (main.swift) and a failed write is dropped, not a crash.
      out: { try? FileHandle.standardOutput.write(contentsOf: Data(($0 + "\n").utf8)) },
      err: { try? FileHandle.standardError.write(contentsOf: Data(($0 + "\n").utf8)) },
      isTerminal: terminal && isatty(STDIN_FILENO) == 1,
      useColor: terminal && !noColor,
      readLine: { Swift.readLine() }
    )
  }
}

/// Holds the console commands write to; tests swap it for a capturing one.
public enum ConsoleContext {
  /// The console of the current task (standard streams unless a test sets one).
  @TaskLocal public static var current: Console = .standard
}
