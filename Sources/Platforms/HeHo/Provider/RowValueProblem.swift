import HehoManifest

/// Why a row's value does not fit its column: what the column expects, and what was given.
public struct RowValueProblem: Error, Sendable, Hashable {
  /// What the column expects (`a whole number`).
  public var expected: String
  /// The value given.
  public var value: Value

  /// Creates a problem.
  public init(_ expected: String, _ value: Value) {
    self.expected = expected
    self.value = value
  }
}
