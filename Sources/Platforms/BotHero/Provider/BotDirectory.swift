import Synchronization

/// Bot IDs by name, as the provider last saw them: filled by the live read, kept current by the
/// provider's own creates and deletes, so a webhook's `bot` resolves to an ID without another
/// list call, even for a bot created earlier in the same apply.
final class BotDirectory: Sendable {
  private let ids = Mutex<[String: [String]]>([:])

  /// Replaces what is known with a fresh read.
  func reset(_ bots: [(name: String, id: String)]) {
    ids.withLock { known in
      known = [:]
      for bot in bots { known[bot.name, default: []].append(bot.id) }
    }
  }

  func add(name: String, id: String) {
    ids.withLock { if !($0[name]?.contains(id) ?? false) { $0[name, default: []].append(id) } }
  }

  func remove(id: String) {
    ids.withLock { known in
      for name in known.keys { known[name]?.removeAll { $0 == id } }
    }
  }

  /// The IDs of the bots named `name`.
  func ids(named name: String) -> [String] {
    ids.withLock { $0[name] ?? [] }
  }

  /// The name of the bot with `id`.
  func name(of id: String) -> String? {
    ids.withLock { known in known.first { $0.value.contains(id) }?.key }
  }
}
