import LocalServerKit

/// Builds a random but reproducible scenario from a seed.
struct ScenarioGenerator {
  static let tableNames = ["products", "orders", "faq", "tickets"]
  static let unmanagedTableNames = ["legacy", "scratch"]
  static let columnNames = ["name", "price", "qty", "note", "done", "due", "at", "code"]
  static let chatbotNames = ["support-bot", "orders-bot", "faq-bot", "sales-bot"]
  static let unmanagedChatbotNames = ["old-bot", "test-bot"]
  static let goals = ["Customer Support", "Order Tracking"]
  static let models = [
    "qwen/qwen3-next-80b-a3b-instruct:free", "arcee-ai/trinity-large-preview:free",
  ]
  static let tones = ["friendly", "professional", "strict"]
  static let themes = ["twilight", "sunrise", "ocean", "forest", "grape", "rose", "sky", "candy"]

  var random: SplitMix64

  init(seed: UInt64) {
    random = SplitMix64(seed: seed)
  }

  /// The scenario of `seed`.
  static func scenario(seed: UInt64) -> Scenario {
    var generator = ScenarioGenerator(seed: seed)
    return generator.make(seed: seed)
  }

  mutating func make(seed: UInt64) -> Scenario {
    let tables = random.some(Self.tableNames, count: random.int(0...3)).map {
      DesiredTable(table: table($0), allowDataLoss: random.chance(0.2))
    }
    let tableNames = tables.map(\.table.name)
    let chatbots = random.some(Self.chatbotNames, count: random.int(0...3)).map {
      chatbot($0, tables: tableNames)
    }
    var liveTables: [LiveTable] = []
    for desired in tables where random.chance(0.45) {
      let table = random.chance(0.5) ? respelled(desired.table) : changed(desired.table)
      liveTables.append(LiveTable(table: table, rows: rows()))
    }
    for name in random.some(Self.unmanagedTableNames, count: random.int(0...2)) {
      liveTables.append(LiveTable(table: table(name), rows: rows()))
    }
    let liveNames = liveTables.map(\.table.name)
    var liveChatbots: [ChatbotModel] = []
    for desired in chatbots where random.chance(0.45) {
      var live = desired
      live.access = random.some(desired.access.filter { liveNames.contains($0.table) }, count: 3)
      if random.chance(0.5) { live = changed(live, tables: liveNames) }
      liveChatbots.append(live)
    }
    for name in random.some(Self.unmanagedChatbotNames, count: random.int(0...2)) {
      liveChatbots.append(chatbot(name, tables: liveNames))
    }
    var scenario = Scenario(
      seed: seed, tables: tables, chatbots: chatbots, prune: random.chance(0.3),
      allowDataLossFlag: random.chance(0.25), liveTables: liveTables,
      liveChatbots: liveChatbots.shuffled(using: &random), faults: faults(seed: seed),
      parallelism: random.pick([1, 2, 4, 8], or: 1))
    // Drawn last, so that the rest of every scenario stays what its seed always gave.
    if random.chance(0.12) { duplicateOneLiveChatbot(in: &scenario, tables: liveNames) }
    // Sometimes the first run meets a fault storm that outlasts the client's retries, so
    // that a failed apply, and the one after it, are exercised too.
    if random.chance(0.12) { scenario.stormRate = 0.6 + random.unit() * 0.3 }
    return scenario
  }

  /// HeHo accepts a repeated chatbot name: a second live chatbot under the name of one already
  /// there, the same or with a setting changed, made by hand before heho runs.
  mutating func duplicateOneLiveChatbot(in scenario: inout Scenario, tables: [String]) {
    guard !scenario.liveChatbots.isEmpty else { return }
    let original = scenario.liveChatbots[random.int(0...(scenario.liveChatbots.count - 1))]
    let copy = random.chance(0.5) ? original : changed(original, tables: tables)
    scenario.liveChatbots.insert(copy, at: random.int(0...scenario.liveChatbots.count))
  }

  mutating func column(_ name: String, primaryKey: Bool = false) -> ColumnModel {
    let family =
      primaryKey
      ? random.pick([TypeFamily.uuid, .integer], or: .uuid)
      : random.pick(TypeFamily.allCases, or: .text)
    return ColumnModel(
      name: name, family: family, spelling: random.pick(family.spellings, or: family.rawValue),
      primaryKey: primaryKey, notNull: !primaryKey && random.chance(0.3))
  }

  mutating func table(_ name: String) -> TableModel {
    let extra = random.some(Self.columnNames, count: random.int(0...3)).map { column($0) }
    return TableModel(name: name, columns: [column("id", primaryKey: true)] + extra)
  }

  /// The same table as far as the platform can tell, with types spelled another way.
  mutating func respelled(_ table: TableModel) -> TableModel {
    var result = table
    for index in result.columns.indices {
      let family = result.columns[index].family
      result.columns[index].spelling = random.pick(family.spellings, or: family.rawValue)
    }
    return result
  }

  /// The table with a visible difference: a column more, one fewer, or a renamed one.
  mutating func changed(_ table: TableModel) -> TableModel {
    var result = table
    switch random.int(0...2) {
    case 0 where result.columns.count > 1:
      result.columns.removeLast()
    case 1 where result.columns.count > 1:
      result.columns[result.columns.count - 1].name += "_old"
    default:
      result.columns.append(column("extra"))
    }
    return result
  }

  mutating func rows() -> Int {
    random.chance(0.5) ? random.int(1...3) : 0
  }

  mutating func chatbot(_ name: String, tables: [String]) -> ChatbotModel {
    let access = random.some(tables, count: random.int(0...min(3, tables.count))).map {
      Access(
        table: $0, read: random.chance(0.7), write: random.chance(0.3), edit: random.chance(0.2))
    }
    return ChatbotModel(
      name: name, goal: random.pick(Self.goals, or: "Support"), description: Self.prompt(name),
      model: random.pick(Self.models, or: "m"),
      tone: random.chance(0.6) ? random.pick(Self.tones, or: "friendly") : nil,
      theme: random.chance(0.6) ? random.pick(Self.themes, or: "sky") : nil, access: access)
  }

  /// The chatbot with one setting changed by hand.
  mutating func changed(_ chatbot: ChatbotModel, tables: [String]) -> ChatbotModel {
    var result = chatbot
    switch random.int(0...3) {
    case 0: result.tone = random.pick(Self.tones.filter { $0 != chatbot.settled.tone }, or: nil)
    case 1: result.theme = random.pick(Self.themes.filter { $0 != chatbot.settled.theme }, or: nil)
    case 2: result.goal = "Changed by hand"
    default:
      result.access = random.some(tables, count: random.int(0...min(3, tables.count))).map {
        Access(table: $0, read: true, write: random.chance(0.5), edit: false)
      }
    }
    return result
  }

  mutating func faults(seed: UInt64) -> FaultConfiguration {
    var kinds = Set(FaultConfiguration.Kind.allCases.filter { _ in random.chance(0.5) })
    if kinds.isEmpty { kinds = [random.pick(FaultConfiguration.Kind.allCases, or: .internalError)] }
    return FaultConfiguration(
      latencyMilliseconds: random.int(0...2), rate: random.unit() * 0.3,
      seed: seed ^ 0x5EED_FA17, kinds: kinds, retryAfterSeconds: 0)
  }

  /// A prompt of at least 200 characters that names the chatbot.
  static func prompt(_ name: String) -> String {
    "You are \(name), a helpful assistant for the support team. Answer questions about orders, "
      + "products and accounts using the connected tables, keep answers short and friendly, "
      + "never invent data that is not in the tables, and hand over to a person when unsure."
  }
}
