import HehoManifest

/// A `ConversationTest` manifest (`heho/v1`, the project's own kind) as the test runner reads
/// it: the resource it talks to, how often, and each turn's message and expectations.
public struct ConversationTest: Sendable, Hashable, Codable {
  /// `metadata.name`.
  public var name: String
  /// The conversational resource it talks to (`bot/helpdesk`).
  public var target: ResourceAddress
  /// Runs of the whole conversation (`spec.repeat`, default 1).
  public var runs: Int
  /// The share of runs that must pass (`spec.minPassRate`, default 1.0).
  public var minPassRate: Double
  /// The turns, in order.
  public var turns: [ConversationTurn]
  /// Where the document starts.
  public var location: SourceLocation

  /// Creates a test.
  public init(
    name: String, target: ResourceAddress, runs: Int = 1, minPassRate: Double = 1.0,
    turns: [ConversationTurn], location: SourceLocation
  ) {
    self.name = name
    self.target = target
    self.runs = runs
    self.minPassRate = minPassRate
    self.turns = turns
    self.location = location
  }

  /// Reads a loaded, validated `ConversationTest` resource; `nil` when it is not one (the
  /// loader has checked the shape, so a malformed member is left out rather than reported).
  public init?(_ resource: DesiredResource) {
    guard let targetText = resource.spec["target"]?.stringValue,
      let target = ResourceAddress(parsing: targetText)
    else { return nil }
    let turns = (resource.spec["turns"]?.arrayValue ?? []).map(ConversationTurn.init)
    self.init(
      name: resource.name, target: target, runs: resource.spec["repeat"]?.intValue ?? 1,
      minPassRate: Self.number(resource.spec["minPassRate"]) ?? 1.0, turns: turns,
      location: resource.location)
  }

  static func number(_ value: Value?) -> Double? {
    switch value {
    case .int(let number): return Double(number)
    case .double(let number): return number
    default: return nil
    }
  }
}

/// One turn of a conversation test: what the user says and what the reply must show.
public struct ConversationTurn: Sendable, Hashable, Codable {
  /// The user's message.
  public var user: String
  /// The expectations, in the order reports list them.
  public var expectations: [TurnExpectation]

  /// Creates a turn.
  public init(user: String, expectations: [TurnExpectation]) {
    self.user = user
    self.expectations = expectations
  }

  /// Reads one element of `spec.turns`.
  init(_ value: Value) {
    let expect = value["expect"]?.objectValue ?? [:]
    var expectations: [TurnExpectation] = []
    func texts(_ key: String) -> [String]? {
      switch expect[key] {
      case .string(let text): return [text]
      case .array(let values): return values.compactMap(\.stringValue)
      default: return nil
      }
    }
    if let all = texts("contains") { expectations.append(.contains(all)) }
    if let none = texts("notContains") { expectations.append(.notContains(none)) }
    if let pattern = expect["matches"]?.stringValue { expectations.append(.matches(pattern)) }
    if let document = expect["citesDocument"]?.stringValue {
      expectations.append(.citesDocument(document))
    }
    if let captured = expect["leadCaptured"]?.boolValue {
      expectations.append(.leadCaptured(captured))
    }
    if let delivered = expect["webhookDelivered"], let webhook = delivered["webhook"]?.stringValue,
      let event = delivered["event"]?.stringValue
    {
      expectations.append(.webhookDelivered(webhook: webhook, event: event))
    }
    if let rubric = expect["rubric"]?.stringValue { expectations.append(.rubric(rubric)) }
    self.init(user: value["user"]?.stringValue ?? "", expectations: expectations)
  }
}

/// What one turn's reply must show.
public enum TurnExpectation: Sendable, Hashable, Codable {
  /// Every text, case-insensitively.
  case contains([String])
  /// None of the texts, case-insensitively.
  case notContains([String])
  /// A regular expression the reply matches somewhere.
  case matches(String)
  /// A document (or table) the reply is grounded in, where the platform can tell.
  case citesDocument(String)
  /// Whether the conversation has left a lead on the platform.
  case leadCaptured(Bool)
  /// An event the platform delivered to a webhook because of the conversation.
  case webhookDelivered(webhook: String, event: String)
  /// A model-graded check, made only with a judge (`--judge-endpoint`).
  case rubric(String)

  /// The expectation's name as written in manifests (`contains`).
  public var name: String {
    switch self {
    case .contains: return "contains"
    case .notContains: return "notContains"
    case .matches: return "matches"
    case .citesDocument: return "citesDocument"
    case .leadCaptured: return "leadCaptured"
    case .webhookDelivered: return "webhookDelivered"
    case .rubric: return "rubric"
    }
  }

  /// What was expected, as reports show it.
  public var expected: String {
    switch self {
    case .contains(let texts), .notContains(let texts):
      return texts.map { "\"\($0)\"" }.joined(separator: ", ")
    case .matches(let pattern): return "/\(pattern)/"
    case .citesDocument(let document): return document
    case .leadCaptured(let captured): return String(captured)
    case .webhookDelivered(let webhook, let event): return "\(event) to \(webhook)"
    case .rubric(let rubric): return rubric
    }
  }
}
