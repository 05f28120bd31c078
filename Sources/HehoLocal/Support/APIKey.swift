/// API keys of the local platform: generated from the system's secure generator, stored hashed.
enum APIKey {
  /// A new random key, `heho_local_` followed by 40 hex digits.
  static func generate() -> String {
    var generator = SystemRandomNumberGenerator()
    let hex = (0..<20).map { _ in
      let byte = UInt8.random(in: 0...255, using: &generator)
      let digits = String(byte, radix: 16)
      return digits.count == 1 ? "0" + digits : digits
    }
    return "heho_local_" + hex.joined()
  }

  /// The stored form of a key (SHA-256, hex).
  static func hash(_ key: String) -> String {
    SHA256.hex(key)
  }
}
