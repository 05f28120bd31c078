import Synchronization

/// The platform's fingerprints of webhook secrets (`secret_hint`), by webhook ID, from the last
/// live read: not secret, never compared as fields, only checked against the manifests' secrets.
final class SecretHints: Sendable {
  private let hints = Mutex<[String: String]>([:])

  func keep(_ hint: String, forWebhook id: String) {
    hints.withLock { $0[id] = hint }
  }

  func hint(forWebhook id: String) -> String? {
    hints.withLock { $0[id] }
  }
}
