/// `heho export` could not write its files: the output is a file, is not empty, or a write
/// failed. The message names the path and says what to do.
public struct ExportWriteError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong, naming the path.
  public var message: String

  /// Creates the error.
  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
