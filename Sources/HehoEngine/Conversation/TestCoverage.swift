import HehoManifest

/// What the conversation tests leave uncovered (`heho test --coverage`): conversational
/// resources no test targets, documents no test cites, webhooks no test expects a delivery
/// on. Worked out from the compiled manifests alone: no platform is read.
public struct TestCoverage: Sendable, Hashable, Codable {
  /// Conversational resources no test targets (`KIND/NAME`).
  public var untested: [String]
  /// Documents no `citesDocument` names.
  public var uncited: [String]
  /// Webhooks no `webhookDelivered` names.
  public var unexpected: [String]
  /// How many of each role the manifests declare.
  public var counts: [String: Int]

  /// The coverage of `items` (compiled, each kind's role from `kinds`) by `tests`.
  public init(tests: [ConversationTest], items: [DesiredItem], kinds: [KindBehavior]) {
    var roles: [String: ConversationRole] = [:]
    for kind in kinds { roles[kind.kind] = kind.conversationRole }
    let targets = Set(tests.map(\.target))
    let expectations = tests.flatMap { $0.turns.flatMap(\.expectations) }
    var cited: [String] = []
    var webhooks: Set<String> = []
    for expectation in expectations {
      switch expectation {
      case .citesDocument(let document): cited.append(document)
      case .webhookDelivered(let webhook, _): webhooks.insert(webhook)
      default: break
      }
    }
    var untested: [ResourceAddress] = []
    var uncited: [ResourceAddress] = []
    var unexpected: [ResourceAddress] = []
    var counts: [String: Int] = [:]
    for item in items {
      guard let role = roles[item.address.kind] else { continue }
      counts[role.rawValue, default: 0] += 1
      switch role {
      case .conversational where !targets.contains(item.address): untested.append(item.address)
      case .document where !Self.cites(cited, item.address.name): uncited.append(item.address)
      case .webhook where !webhooks.contains(item.address.name): unexpected.append(item.address)
      default: break
      }
    }
    self.untested = untested.sorted().map(\.description)
    self.uncited = uncited.sorted().map(\.description)
    self.unexpected = unexpected.sorted().map(\.description)
    self.counts = counts
  }

  /// Whether one of `cited` names the document `name` (as `citesDocument` matches it: the
  /// whole name, or its last path components).
  static func cites(_ cited: [String], _ name: String) -> Bool {
    cited.contains { TurnChecker.names(name, $0) }
  }

  /// Whether every role is covered.
  public var isComplete: Bool { untested.isEmpty && uncited.isEmpty && unexpected.isEmpty }
}
