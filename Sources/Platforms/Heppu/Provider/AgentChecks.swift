import HehoManifest

/// The type-aware checks of one Agent manifest: settings, tools and phone numbers that belong
/// to the other type, numbers out of range, and a model the seed does not name for the type
/// (a warning: the platform may offer more).
struct AgentChecks {
  let draft: ResourceDraft

  var type: String { draft.spec["type"]?.stringValue ?? "" }

  func check(into diagnostics: inout [Diagnostic]) {
    let other = type == "voice" ? "chat" : "voice"
    let config = draft.spec["config"]?.objectValue ?? [:]
    let own = AgentCatalog.configKeys(for: type)
    for key in config.keys.sorted() where !own.contains(key) {
      diagnostics.append(
        Diagnostic(
          .error,
          "\(draft.label): config.\(key) is a \(other) agent setting, and this agent is \(type); "
            + "\(type) agents have \(own.joined(separator: ", "))",
          at: draft.keyLocation("config.\(key)")))
    }
    for (key, range) in [
      ("speed", AgentCatalog.speed), ("interruptionThreshold", AgentCatalog.interruptionThreshold),
    ] {
      guard let value = config[key] else { continue }
      let number: Double? =
        switch value {
        case .int(let whole): Double(whole)
        case .double(let real): real
        default: nil
        }
      if number.map(range.contains) != true {
        diagnostics.append(
          Diagnostic(
            .error,
            "\(draft.label): config.\(key) must be a number from \(range.lowerBound) to "
              + "\(range.upperBound)", at: draft.valueLocation("config.\(key)")))
      }
    }
    let tools = draft.spec["tools"]?.arrayValue ?? []
    var seen: Set<String> = []
    for (index, tool) in tools.enumerated() {
      guard let id = tool.stringValue else { continue }
      if !seen.insert(id).inserted {
        diagnostics.append(
          Diagnostic(
            .error, "\(draft.label): tool '\(id)' is listed twice",
            at: draft.valueLocation("tools[\(index)]")))
      }
      if let entry = AgentCatalog.tools.first(where: { $0.id == id }), !entry.types.contains(type) {
        diagnostics.append(
          Diagnostic(
            .error,
            "\(draft.label): tool '\(id)' is for \(entry.types.joined(separator: " and ")) agents "
              + "only, and this agent is \(type)", at: draft.valueLocation("tools[\(index)]")))
      }
    }
    if type == "chat", let numbers = draft.spec["phoneNumbers"]?.arrayValue, !numbers.isEmpty {
      diagnostics.append(
        Diagnostic(
          .error,
          "\(draft.label): phone numbers are for voice agents only, and this agent is chat; "
            + "remove phoneNumbers or make it a voice agent", at: draft.keyLocation("phoneNumbers"))
      )
    }
    if let model = draft.spec["model"]?.stringValue,
      let known = AgentCatalog.knownModels[type], !known.contains(model)
    {
      diagnostics.append(
        Diagnostic(
          .warning,
          "\(draft.label): model '\(model)' is not among the \(type) models the Heppu docs name "
            + "(\(known.joined(separator: ", "))); the platform may still accept it",
          at: draft.valueLocation("model")))
    }
  }
}
