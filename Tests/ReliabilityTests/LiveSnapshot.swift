/// A chatbot as observed on the platform: its ID and settings.
struct ObservedChatbot: Sendable, Hashable {
  var id: String
  var settled: SettledChatbot
}

/// What an organization holds at one moment: tables with their columns and row counts, and
/// chatbots.
struct LiveSnapshot: Sendable, Hashable, CustomStringConvertible {
  var tables: [String: [ColumnShape]] = [:]
  var rows: [String: Int] = [:]
  /// Sorted by name, then ID; duplicates kept.
  var chatbots: [ObservedChatbot] = []

  /// `table/NAME` and `chatbot/NAME` of everything present.
  var addresses: Set<String> {
    Set(tables.keys.map { "table/\($0)" } + chatbots.map { "chatbot/\($0.settled.name)" })
  }

  /// The chatbot named `name`, when there is exactly one.
  func chatbot(_ name: String) -> ObservedChatbot? {
    let matches = chatbots.filter { $0.settled.name == name }
    return matches.count == 1 ? matches.first : nil
  }

  var description: String {
    var lines: [String] = []
    for name in tables.keys.sorted() {
      let columns = (tables[name] ?? []).map(\.description).joined(separator: ", ")
      lines.append("  table \(name) (\(columns)), \(rows[name] ?? 0) rows")
    }
    for chatbot in chatbots {
      let bot = chatbot.settled
      let access = bot.access.sorted().map(\.description).joined(separator: " ")
      lines.append(
        "  chatbot \(bot.name) id=\(chatbot.id) goal=\(bot.goal) model=\(bot.model) "
          + "tone=\(bot.tone) theme=\(bot.theme) access=[\(access)]")
    }
    return lines.isEmpty ? "  (empty)" : lines.joined(separator: "\n")
  }
}
