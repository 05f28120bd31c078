import Crypto
import Foundation
import HehoEngine
import HehoManifest
import PlatformKit
import Synchronization

/// The write-only values (webhook secrets) of one run, in memory only: read from the manifests'
/// environment variables when they compile, and sent when a write needs them. Nothing else
/// holds them: plans, plan files, payloads and output carry `WriteOnlySecrets.marker` instead.
final class WriteOnlySecrets: Sendable {
  /// What fields and payloads hold in place of a write-only value.
  static let marker = "(write-only)"
  /// What a reconciled desired field holds when the platform's fingerprint says the value there
  /// is another one.
  static let changed = "(changed, write-only)"

  private let values = Mutex<[ResourceAddress: String]>([:])

  /// Keeps the secret of `address`.
  func keep(_ secret: String, for address: ResourceAddress) {
    values.withLock { $0[address] = secret }
  }

  /// The secret of `address`, when the manifests gave one.
  func secret(for address: ResourceAddress) -> String? {
    values.withLock { $0[address] }
  }

  /// Every secret kept (to redact them from messages).
  var all: [String] { values.withLock { Array($0.values) } }

  /// Whether `hint` (`whfp1:SALT:HEX`, the platform's fingerprint) is the fingerprint of
  /// `secret`: the first 16 hex digits of HMAC-SHA256(key: SALT, message: secret).
  static func matches(_ secret: String, hint: String) -> Bool {
    let parts = hint.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0] == "whfp1" else { return false }
    let code = HMAC<SHA256>.authenticationCode(
      for: Data(secret.utf8), using: SymmetricKey(data: Data(parts[1].utf8)))
    return Hex.string(code).prefix(16) == parts[2]
  }
}
