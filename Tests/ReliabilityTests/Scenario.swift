import LocalServerKit

/// A column type family, with the spellings a manifest or a request may use for it.
enum TypeFamily: String, Sendable, Hashable, CaseIterable {
  case uuid, text, integer, numeric, boolean, date, timestamptz, varchar

  /// Equivalent spellings (aliases must never show up as changes).
  var spellings: [String] {
    switch self {
    case .uuid: ["uuid"]
    case .text: ["text"]
    case .integer: ["integer", "int", "int4"]
    case .numeric: ["numeric", "decimal", "numeric(10,2)"]
    case .boolean: ["boolean", "bool"]
    case .date: ["date"]
    case .timestamptz: ["timestamptz", "timestamp with time zone"]
    case .varchar: ["varchar(32)", "character varying(32)", "varchar(64)"]
    }
  }

  /// The family of a `data_type` as the platform reports it.
  init?(dataType: String) {
    switch dataType {
    case "uuid": self = .uuid
    case "text": self = .text
    case "integer": self = .integer
    case "numeric": self = .numeric
    case "boolean": self = .boolean
    case "date": self = .date
    case "timestamp with time zone": self = .timestamptz
    case "character varying": self = .varchar
    default: return nil
    }
  }
}

/// One column of a generated table.
struct ColumnModel: Sendable, Hashable {
  var name: String
  var family: TypeFamily
  var spelling: String
  var primaryKey = false
  var notNull = false

  /// What the platform can report back: name, family, and whether it is required.
  var shape: ColumnShape {
    ColumnShape(name: name, family: family.rawValue, required: primaryKey || notNull)
  }
}

/// A column as the platform reports it.
struct ColumnShape: Sendable, Hashable, CustomStringConvertible {
  var name: String
  var family: String
  var required: Bool

  var description: String { "\(name) \(family)\(required ? " required" : "")" }
}

/// A generated table: a name and its columns.
struct TableModel: Sendable, Hashable {
  var name: String
  var columns: [ColumnModel]

  var shape: [ColumnShape] { columns.map(\.shape) }
}

/// A manifest table and whether its lifecycle allows data loss.
struct DesiredTable: Sendable, Hashable {
  var table: TableModel
  var allowDataLoss: Bool
}

/// A table made through the API before heho runs, with rows added through the row API.
struct LiveTable: Sendable, Hashable {
  var table: TableModel
  var rows: Int
}

/// A chatbot's rights on one table.
struct Access: Sendable, Hashable, Comparable, CustomStringConvertible {
  var table: String
  var read: Bool
  var write: Bool
  var edit: Bool

  static func < (lhs: Access, rhs: Access) -> Bool { lhs.description < rhs.description }

  var description: String {
    let rights = [read ? "read" : nil, write ? "write" : nil, edit ? "edit" : nil].compactMap { $0 }
    return "\(table)[\(rights.joined(separator: ","))]"
  }
}

/// A chatbot, desired or live.
struct ChatbotModel: Sendable, Hashable {
  var name: String
  var goal: String
  var description: String
  var model: String
  var tone: String?
  var theme: String?
  /// In slot order for a live chatbot (`data_table_1` first).
  var access: [Access]

  /// What the platform reports, defaults filled in and slots as a set.
  var settled: SettledChatbot {
    SettledChatbot(
      name: name, goal: goal, description: description, model: model,
      tone: tone ?? "professional", theme: theme ?? "sky", access: Set(access))
  }
}

/// A chatbot's observable settings, for comparing desired with live.
struct SettledChatbot: Sendable, Hashable {
  var name: String
  var goal: String
  var description: String
  var model: String
  var tone: String
  var theme: String
  var access: Set<Access>
}

/// One generated scenario: manifests, the live state before heho runs, and faults.
struct Scenario: Sendable {
  var seed: UInt64
  var tables: [DesiredTable]
  var chatbots: [ChatbotModel]
  var prune: Bool
  /// `--allow-data-loss` on the command line.
  var allowDataLossFlag: Bool
  var liveTables: [LiveTable]
  var liveChatbots: [ChatbotModel]
  var faults: FaultConfiguration
  var parallelism: Int

  /// A fault rate for the first apply run only, high enough that the client's own retries
  /// give up and the run fails (`nil`: the scenario's rate throughout).
  var stormRate: Double?

  /// The fault settings of apply run `run` (1-based): the scenario's, with a seed per run, and
  /// the storm's rate on the first run.
  func faults(run: Int) -> FaultConfiguration {
    var faults = faults
    faults.seed = faults.seed &+ UInt64(run)
    if run == 1, let stormRate { faults.rate = stormRate }
    return faults
  }

  func desiredTable(_ name: String) -> DesiredTable? { tables.first { $0.table.name == name } }
  func desiredChatbot(_ name: String) -> ChatbotModel? { chatbots.first { $0.name == name } }

  /// Live tables this scenario drops or replaces, and whether that is allowed: heho asks for
  /// permission for every such table, empty or not (rows can arrive between plan and apply).
  var dataLoss: [(table: String, allowed: Bool)] {
    liveTables.compactMap { live in
      if let desired = desiredTable(live.table.name) {
        guard desired.table.shape != live.table.shape else { return nil }
        return (live.table.name, allowDataLossFlag || desired.allowDataLoss)
      }
      return prune ? (live.table.name, allowDataLossFlag) : nil
    }
  }

  /// Chatbot names the live state holds more than once (HeHo accepts a repeated name).
  var duplicatedLiveNames: Set<String> {
    var seen: Set<String> = []
    var repeated: Set<String> = []
    for chatbot in liveChatbots where !seen.insert(chatbot.name).inserted {
      repeated.insert(chatbot.name)
    }
    return repeated
  }

  /// Repeated live names heho would have to act on (a manifest names them, or the project
  /// prunes): heho cannot tell which one is meant, so the plan is refused.
  var ambiguousNames: Set<String> {
    duplicatedLiveNames.filter { prune || desiredChatbot($0) != nil }
  }

  /// Whether the data loss is refused somewhere (not allowed).
  var refusesDataLoss: Bool { dataLoss.contains { !$0.allowed } }

  /// Whether heho must refuse the whole plan: data loss not allowed, or an ambiguous name.
  var expectsRefusal: Bool { refusesDataLoss || !ambiguousNames.isEmpty }

  /// Texts a refused plan must print: the flag that allows the data loss, the ambiguity.
  var refusalTexts: [String] {
    (refusesDataLoss ? ["--allow-data-loss"] : [])
      + ambiguousNames.sorted().map { "several resources named '\($0)'" }
  }

  /// Table names on the platform once apply converged.
  var expectedTables: Set<String> {
    var names = Set(tables.map(\.table.name))
    if !prune { names.formUnion(liveTables.map(\.table.name)) }
    return names
  }

  /// Chatbot names on the platform once apply converged, sorted: each managed one once, and
  /// unless the project prunes, every unmanaged one as often as it was there.
  var expectedChatbots: [String] {
    var names = chatbots.map(\.name)
    if !prune { names += liveChatbots.map(\.name).filter { desiredChatbot($0) == nil } }
    return names.sorted()
  }

  /// The `heho apply` arguments (project flags are added by the runner).
  var applyArguments: [String] {
    ["apply", "--auto-approve", "--parallelism", String(parallelism)]
      + (allowDataLossFlag ? ["--allow-data-loss"] : [])
  }
}
