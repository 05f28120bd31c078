/// Identifiers the local platforms assign: a prefix and random lower-case letters and digits
/// (`bot_k8m2n4q7x1ab`), from the system's secure generator.
package enum LocalID {
  private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")

  /// A new identifier: `prefix` and `length` random characters.
  package static func make(_ prefix: String, length: Int = 16) -> String {
    var generator = SystemRandomNumberGenerator()
    return prefix
      + String(
        (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
  }
}
