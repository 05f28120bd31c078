import LocalServerKit

/// What a run of the example tests under faults really put to the test, counted from the
/// platform's metrics: faults per kind on each platform's chat route, and on the requests of
/// the conversations (`Heho-Operation: test NAME: run R turn T`: the turn and its checks). A
/// run that shows too little of it proved too little, and `problems` says what is missing.
struct ConversationCoverage: CustomStringConvertible {
  /// Each platform's chat route, as the metrics key it (`METHOD /path`; Heppu's test chat has
  /// the agent's ID in its path).
  static let chatRoutes: [(platform: String, matches: @Sendable (String) -> Bool)] = [
    ("heho", { $0 == "POST /api/aichat" }),
    ("bothero", { $0 == "POST /v1/chat/completions" }),
    ("heppu", { $0.hasPrefix("POST /api/v1/agents/") && $0.hasSuffix("/test") }),
  ]
  /// Every fault kind, by command-line name.
  static let kinds = FaultConfiguration.Kind.allCases.map(\.commandLineName)

  /// The least number of times each fault kind must have fired on each platform's chat route,
  /// and on the conversations' labeled requests (turns and checks), in a full run.
  let floor: Int
  let labeledFloor: Int

  var scenarios = 0
  var drawnKinds: Set<String> = []
  /// Chat requests per platform (retries included), and faults on them per platform and kind.
  var chatRequests: [String: Int] = [:]
  var chatFaults: [String: [String: Int]] = [:]
  /// Requests labeled as a conversation's, and faults on them per kind.
  var conversationRequests = 0
  var conversationFaults: [String: Int] = [:]
  /// Conversations (test runs) that met at least one fault.
  var conversationsHit = 0
  /// `heho test` runs done again because the client's retries ran out on a request.
  var exhausted = 0
  /// Seconds the `heho test` runs took, all scenarios together.
  var seconds = 0.0

  init(_ outcomes: [ConversationOutcome], floor: Int = 0, labeledFloor: Int = 0) {
    self.floor = floor
    self.labeledFloor = labeledFloor
    for outcome in outcomes {
      scenarios += 1
      seconds += outcome.seconds
      exhausted += outcome.exhausted
      drawnKinds.formUnion(outcome.drawnKinds)
      for (route, count) in outcome.routes {
        if let platform = Self.platform(ofChatRoute: route) {
          chatRequests[platform, default: 0] += count
        }
      }
      for (route, kinds) in outcome.faults {
        if let platform = Self.platform(ofChatRoute: route) {
          chatFaults[platform, default: [:]].merge(kinds, uniquingKeysWith: +)
        }
      }
      conversationRequests += outcome.operations.filter { $0.key.hasPrefix("test ") }
        .values.reduce(0, +)
      var hit: Set<String> = []
      for (operation, kinds) in outcome.faultsByOperation where operation.hasPrefix("test ") {
        conversationFaults.merge(kinds, uniquingKeysWith: +)
        hit.insert(String(operation.prefix { $0 != ":" }))
      }
      conversationsHit += hit.count
    }
  }

  /// The platform whose chat route `route` is, `nil` for any other route.
  static func platform(ofChatRoute route: String) -> String? {
    chatRoutes.first { $0.matches(route) }?.platform
  }

  /// What a full run must have shown; empty when it showed all.
  var problems: [String] {
    var problems: [String] = []
    for kind in Self.kinds where !drawnKinds.contains(kind) {
      problems.append("no scenario drew the fault kind \(kind)")
    }
    for (platform, _) in Self.chatRoutes {
      for kind in Self.kinds where (chatFaults[platform]?[kind] ?? 0) < floor {
        problems.append(
          "the fault kind \(kind) fired \(chatFaults[platform]?[kind] ?? 0) times on \(platform)'s "
            + "chat route; a run must show it at least \(floor) times")
      }
    }
    for kind in Self.kinds where (conversationFaults[kind] ?? 0) < labeledFloor {
      problems.append(
        "the fault kind \(kind) fired \(conversationFaults[kind] ?? 0) times on the "
          + "conversations' requests (Heho-Operation: test …); at least \(labeledFloor) needed")
    }
    return problems
  }

  var description: String {
    let perPlatform = Self.chatRoutes.map { platform, _ in
      let kinds = Self.kinds.map { "\($0) \(chatFaults[platform]?[$0] ?? 0)" }
        .joined(separator: ", ")
      return "\(platform) [\(chatRequests[platform] ?? 0) requests; \(kinds)]"
    }
    let labeled = Self.kinds.map { "\($0) \(conversationFaults[$0] ?? 0)" }
      .joined(separator: ", ")
    return "\(scenarios) scenarios; faults fired on the chat routes: "
      + "\(perPlatform.joined(separator: "; ")); on the conversations' requests "
      + "(\(conversationRequests), turns and checks): \(labeled); \(conversationsHit) "
      + "conversations met a fault; \(exhausted) runs again after the client gave up on a "
      + "request (five faults in a row); heho test ran \(String(format: "%.1f", seconds)) s in all"
  }
}
