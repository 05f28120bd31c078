/// What one run of a `heho` command printed and how it ended.
public struct CommandResult: Sendable {
  /// The arguments it ran with.
  public var arguments: [String]
  /// Its exit code.
  public var code: Int32
  /// Standard output, a line break after each line.
  public var out: String
  /// Standard error, a line break after each line.
  public var err: String

  /// Creates a result.
  public init(arguments: [String] = [], code: Int32, out: String, err: String) {
    self.arguments = arguments
    self.code = code
    self.out = out
    self.err = err
  }

  /// Standard output, then standard error.
  public var all: String { out + "\n" + err }
}
