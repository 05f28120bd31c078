import Foundation

/// Writes a scenario's desired state as manifest files.
enum ManifestWriter {
  /// File name to contents, files without documents left out.
  static func files(for scenario: Scenario) -> [(name: String, text: String)] {
    var files: [(String, String)] = [("heho.yaml", project(scenario))]
    let tables = scenario.tables.map(table)
    let chatbots = scenario.chatbots.map(chatbot)
    let permissions = scenario.chatbots.flatMap { bot in
      bot.access.map { permission(chatbot: bot.name, $0) }
    }
    for (name, documents) in [
      ("tables.yaml", tables), ("chatbots.yaml", chatbots), ("permissions.yaml", permissions),
    ] where !documents.isEmpty {
      files.append((name, documents.joined(separator: "---\n")))
    }
    return files
  }

  /// Writes the files into `directory` (created if needed).
  static func write(_ scenario: Scenario, to directory: URL) throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for file in files(for: scenario) {
      try file.text.write(
        to: directory.appendingPathComponent(file.name), atomically: true, encoding: .utf8)
    }
  }

  static func project(_ scenario: Scenario) -> String {
    """
    apiVersion: heho/v1
    kind: Project
    metadata:
      name: scenario-\(scenario.seed)
    spec:
      providers:
        heho:
          apiKeyEnv: HEHO_API_KEY
      prune: \(scenario.prune)

    """
  }

  static func table(_ desired: DesiredTable) -> String {
    var lines = [
      "apiVersion: heho/v1", "kind: Table", "metadata:", "  name: \(desired.table.name)", "spec:",
      "  columns:",
    ]
    for column in desired.table.columns {
      var parts = ["name: \(column.name)", "type: \"\(column.spelling)\""]
      if column.primaryKey { parts.append("primaryKey: true") }
      if column.notNull { parts.append("notNull: true") }
      lines.append("    - { " + parts.joined(separator: ", ") + " }")
    }
    // These scenarios check replacements: a changed table is dropped and created, losing its
    // rows. Migrations that keep them have a harness of their own (MigrationReliabilityTests).
    lines += ["lifecycle:", "  migrate: false"]
    if desired.allowDataLoss { lines += ["  allowDataLoss: true"] }
    return lines.joined(separator: "\n") + "\n"
  }

  static func chatbot(_ chatbot: ChatbotModel) -> String {
    var lines = [
      "apiVersion: heho/v1", "kind: Chatbot", "metadata:", "  name: \(chatbot.name)", "spec:",
      "  goal: \(chatbot.goal)", "  description: \"\(chatbot.description)\"",
      "  model: \(chatbot.model)",
    ]
    if let tone = chatbot.tone { lines.append("  tone: \(tone)") }
    if let theme = chatbot.theme { lines.append("  theme: \(theme)") }
    return lines.joined(separator: "\n") + "\n"
  }

  static func permission(chatbot: String, _ access: Access) -> String {
    [
      "apiVersion: heho/v1", "kind: Permission", "metadata:", "  name: \(chatbot)-\(access.table)",
      "spec:", "  chatbot: \(chatbot)", "  table: \(access.table)", "  read: \(access.read)",
      "  write: \(access.write)", "  edit: \(access.edit)",
    ].joined(separator: "\n") + "\n"
  }
}
