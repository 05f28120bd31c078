import HehoManifest
import PlatformKit
import Synchronization

/// The secrets one command run has resolved: every platform's key and every write-only value
/// the manifests read from the environment (a webhook's signing secret). Whatever the console
/// prints and whatever a report or plan file holds passes through them, so none reaches the
/// output, even in a message another platform (or a server echoing a request) wrote, and
/// whether it came back as written, JSON-escaped or percent-encoded (see `Redactor`).
public final class Secrets: Sendable {
  private let redactor = Mutex(Redactor(secrets: []))

  /// The secrets of the current command run (a task-local value; `runInProcess` sets a fresh
  /// one for each run).
  @TaskLocal public static var current = Secrets()

  /// Creates an empty set.
  public init() {}

  /// Adds a secret; values shorter than 4 characters are not secrets worth hiding (and would
  /// garble the output).
  public func add(_ secret: String) {
    guard secret.count >= 4 else { return }
    redactor.withLock { redactor in
      if !redactor.secrets.contains(secret) {
        redactor = Redactor(secrets: redactor.secrets + [secret])
      }
    }
  }

  /// `text` with every secret, in any form, replaced by `[redacted]`.
  public func redact(_ text: String) -> String {
    redactor.withLock { $0 }.redact(text)
  }

  /// Adds the value of every field its kind declares secret (a webhook's `secret`), as the
  /// manifests resolved it: such a value is written only to the platform, never shown.
  func add(secretsIn state: DesiredState, kinds: KindRegistry) {
    for resource in state.resources {
      guard let kind = kinds.kind(named: resource.kind) else { continue }
      add(from: .object(resource.spec), schema: kind.specSchema)
    }
  }

  /// Walks `value` along `schema`, adding every string under a field marked secret.
  private func add(from value: Value, schema: FieldSchema) {
    if schema.secret {
      addStrings(in: value)
      return
    }
    switch (schema.shape, value) {
    case (.object(let fields), .object(let members)):
      for field in fields {
        if let member = members[field.name] { add(from: member, schema: field.schema) }
      }
    case (.map(_, _, let values), .object(let members)):
      for member in members.values { add(from: member, schema: values) }
    case (.array(let items), .array(let elements)):
      for element in elements { add(from: element, schema: items) }
    default:
      break
    }
  }

  private func addStrings(in value: Value) {
    switch value {
    case .string(let text): add(text)
    case .array(let elements): for element in elements { addStrings(in: element) }
    case .object(let members): for member in members.values { addStrings(in: member) }
    default: break
    }
  }
}

extension Console {
  /// This console with everything it prints passed through `secrets`.
  func redacting(_ secrets: Secrets) -> Console {
    let out = self.out
    let err = self.err
    return Console(
      out: { out(secrets.redact($0)) }, err: { err(secrets.redact($0)) }, isTerminal: isTerminal,
      useColor: useColor, readLine: readLine)
  }
}
