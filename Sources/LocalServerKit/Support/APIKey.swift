import Crypto

/// API keys of the local platform: generated from the system's secure generator, stored hashed.
package enum APIKey {
  /// A new random key, `heho_local_` followed by 40 hex digits.
  package static func generate() -> String {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<20).map { _ in UInt8.random(in: 0...255, using: &generator) }
    return "heho_local_" + Hex.string(bytes)
  }

  /// The stored form of a key (SHA-256, hex).
  package static func hash(_ key: String) -> String {
    Hex.string(SHA256.hash(data: Array(key.utf8)))
  }
}
