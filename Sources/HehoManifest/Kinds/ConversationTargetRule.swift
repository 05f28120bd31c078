/// A conversation test talks to a resource the manifests declare, of a kind that holds
/// conversations, and expects deliveries only to declared webhooks: a test of anything else
/// could never run, and is better caught by `heho validate` than by `heho test`. An expected
/// event the webhook does not subscribe to is a warning.
struct ConversationTargetRule: ResourceSetRule {
  /// The kinds a test may target (`Chatbot`, `Bot`, `Agent`).
  var conversingKinds: [String]
  /// The kinds `webhookDelivered` may name (`Webhook`).
  var eventKinds: [String]

  func check(_ drafts: [ResourceDraft]) -> [Diagnostic] {
    check(drafts, unloaded: [])
  }

  func check(_ drafts: [ResourceDraft], unloaded: Set<ResourceAddress>) -> [Diagnostic] {
    let tests = drafts.filter { $0.kind == ConversationTestKind.kindName }
    guard !tests.isEmpty else { return [] }
    var declared: [ResourceAddress: String] = [:]
    var conversing: [String] = []
    var webhooks: [String: ResourceDraft] = [:]
    for draft in drafts where draft.kind != ConversationTestKind.kindName {
      declared[draft.address] = draft.kind
      if conversingKinds.contains(draft.kind) { conversing.append(draft.address.description) }
      if eventKinds.contains(draft.kind), webhooks[draft.name] == nil {
        webhooks[draft.name] = draft
      }
    }
    var diagnostics: [Diagnostic] = []
    for test in tests {
      if let problem = targetProblem(
        test, declared: declared, conversing: conversing, unloaded: unloaded)
      {
        diagnostics.append(problem)
      }
      diagnostics += deliveryProblems(test, webhooks: webhooks, unloaded: unloaded)
    }
    return diagnostics
  }

  /// The problem with `test`'s target, if any (none when its document has errors of its own).
  private func targetProblem(
    _ test: ResourceDraft, declared: [ResourceAddress: String], conversing: [String],
    unloaded: Set<ResourceAddress>
  ) -> Diagnostic? {
    guard let target = test.spec["target"]?.stringValue,
      let address = ResourceAddress(parsing: target)
    else { return nil }
    let shown = test.display("target", target)
    let at = test.valueLocation("target")
    guard let kind = declared[address] else {
      if unloaded.contains(address) { return nil }
      let hidden = shown != "'\(target)'"
      var message = "\(test.label) targets \(shown), which no manifest declares"
      if !hidden, let suggestion = Suggestions.closest(to: target, among: conversing) {
        message += "; did you mean '\(suggestion)'?"
      } else if conversing.isEmpty {
        message += "; the manifests declare no \(kindList)"
      } else {
        message += " (declared: \(Self.list(conversing)))"
      }
      return Diagnostic(.error, message, at: at)
    }
    guard !conversingKinds.contains(kind) else { return nil }
    return Diagnostic(
      .error,
      "\(test.label) targets \(shown), a \(kind), which holds no conversations; a test "
        + "targets a \(kindList)"
        + (conversing.isEmpty ? "" : " (declared: \(Self.list(conversing)))"), at: at)
  }

  /// The problems with `test`'s `webhookDelivered` expectations (none about a webhook whose
  /// document has errors of its own).
  private func deliveryProblems(
    _ test: ResourceDraft, webhooks: [String: ResourceDraft], unloaded: Set<ResourceAddress>
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for (index, turn) in (test.spec["turns"]?.arrayValue ?? []).enumerated() {
      guard let delivered = turn["expect"]?["webhookDelivered"],
        let name = delivered["webhook"]?.stringValue
      else { continue }
      let path = "turns[\(index)].expect.webhookDelivered"
      guard let webhook = webhooks[name] else {
        if eventKinds.contains(where: { unloaded.contains(ResourceAddress(kind: $0, name: name)) })
        {
          continue
        }
        let shown = test.display("\(path).webhook", name)
        let known = webhooks.keys.sorted()
        let hint =
          shown != "'\(name)'"
          ? "" : Suggestions.didYouMean(name, among: known)
        let kinds = eventKinds.joined(separator: " or ")
        diagnostics.append(
          Diagnostic(
            .error,
            "\(test.label) expects a delivery to \(shown), which no manifest declares as a "
              + "\(kinds.isEmpty ? "webhook" : kinds)\(hint)"
              + (hint.isEmpty && !known.isEmpty ? " (declared: \(Self.list(known)))" : ""),
            at: test.valueLocation("\(path).webhook")))
        continue
      }
      // A webhook that does not subscribe to the event never receives it, and the test will
      // fail: a warning, since the webhook's own change is sound and must not block a plan.
      if let event = delivered["event"]?.stringValue,
        let events = webhook.spec["events"]?.arrayValue?.compactMap(\.stringValue),
        !events.contains(event)
      {
        diagnostics.append(
          Diagnostic(
            .warning,
            "\(test.label) expects \(test.display("\(path).event", event)) at \(webhook.label), "
              + "which does not subscribe to it (its events: \(events.joined(separator: ", ")))"
              + Suggestions.didYouMean(event, among: events),
            at: test.valueLocation("\(path).event")))
      }
    }
    return diagnostics
  }

  /// `Chatbot, Bot or Agent`.
  private var kindList: String {
    guard let last = conversingKinds.last else { return "conversational resource" }
    let rest = conversingKinds.dropLast()
    return rest.isEmpty ? last : "\(rest.joined(separator: ", ")) or \(last)"
  }

  /// At most eight names, then how many more.
  private static func list(_ names: [String]) -> String {
    let shown = names.prefix(8).joined(separator: ", ")
    return names.count > 8 ? "\(shown) and \(names.count - 8) more" : shown
  }
}
