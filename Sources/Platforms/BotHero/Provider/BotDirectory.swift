import Synchronization

/// Bot IDs by name, as the provider last saw them: filled by the live read, kept current by the
/// provider's own creates and deletes, so a webhook's `bot` resolves to an ID without another
/// list call, even for a bot created earlier in the same apply.
final class BotDirectory: Sendable {
  private struct Known {
    var ids: [String: [String]] = [:]
    var names: [String: String] = [:]
  }

  private let known = Mutex(Known())

  /// Replaces what is known with a fresh read.
  func reset(_ bots: [(name: String, id: String)]) {
    known.withLock { known in
      known = Known()
      for bot in bots {
        known.ids[bot.name, default: []].append(bot.id)
        known.names[bot.id] = bot.name
      }
    }
  }

  func add(name: String, id: String) {
    known.withLock { known in
      guard known.names[id] == nil else { return }
      known.ids[name, default: []].append(id)
      known.names[id] = name
    }
  }

  func remove(id: String) {
    known.withLock { known in
      guard let name = known.names.removeValue(forKey: id) else { return }
      known.ids[name]?.removeAll { $0 == id }
    }
  }

  /// The IDs of the bots named `name`.
  func ids(named name: String) -> [String] {
    known.withLock { $0.ids[name] ?? [] }
  }

  /// The name of the bot with `id`.
  func name(of id: String) -> String? {
    known.withLock { $0.names[id] }
  }
}
