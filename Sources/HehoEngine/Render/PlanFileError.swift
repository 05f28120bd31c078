/// A saved plan file that cannot be applied: not a plan, another format version, or damaged.
/// The message names the file and says what to do.
public struct PlanFileError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong, naming the file.
  public var message: String

  /// Creates the error.
  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}

/// A report asked for in a format it is not offered in.
public struct ReportFormatError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What was asked and what is offered.
  public var message: String

  /// Creates the error.
  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
