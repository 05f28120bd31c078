/// A string after interpolation, with the names of the environment variables whose values it
/// contains: such values are never echoed in messages.
struct ResolvedText: Sendable, Hashable {
  var value: String
  var environmentNames: [String]

  /// How messages may show the value: quoted, or by where it came from when it holds an
  /// environment variable's value.
  var display: String {
    if environmentNames.isEmpty { return "'\(value)'" }
    return "the value from "
      + environmentNames.map { "${env.\($0)}" }.joined(separator: ", ")
  }
}
