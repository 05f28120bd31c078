import HehoManifest

/// HeHo's limits on permissions: one per (chatbot, table) pair, and at most three tables per
/// chatbot.
public struct PermissionLimitsRule: ResourceSetRule {
  /// The most tables one chatbot may have permissions on.
  public static let maxTablesPerChatbot = 3

  /// Creates the rule.
  public init() {}

  public func check(_ drafts: [ResourceDraft]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let permissions = drafts.filter { $0.kind == "Permission" }
    var pairs: [String: ResourceDraft] = [:]
    var byChatbot: [String: [ResourceDraft]] = [:]
    var chatbotOrder: [String] = []
    for permission in permissions {
      guard let chatbot = permission.spec["chatbot"]?.stringValue,
        let table = permission.spec["table"]?.stringValue
      else { continue }
      let pair = "\(chatbot)\u{0}\(table)"
      if let first = pairs[pair] {
        diagnostics.append(
          Diagnostic(
            .error,
            "\(permission.label) grants chatbot \(permission.display("chatbot", chatbot)) access "
              + "to table \(permission.display("table", table)) again (already granted by "
              + "\(first.label) at \(first.location)); merge them into one Permission",
            at: permission.keyLocation("table")))
        continue
      }
      pairs[pair] = permission
      if byChatbot[chatbot] == nil { chatbotOrder.append(chatbot) }
      byChatbot[chatbot, default: []].append(permission)
    }
    for chatbot in chatbotOrder {
      guard let granted = byChatbot[chatbot], granted.count > Self.maxTablesPerChatbot else {
        continue
      }
      let over = granted[Self.maxTablesPerChatbot]
      let list = granted.map { draft in
        "\(draft.name) (table \(draft.display("table", draft.spec["table"]?.stringValue ?? "?")))"
      }
      diagnostics.append(
        Diagnostic(
          .error,
          "chatbot \(over.display("chatbot", chatbot)) has permissions on \(granted.count) tables "
            + "but HeHo allows at most \(Self.maxTablesPerChatbot) per chatbot; permissions "
            + "involved: \(list.joined(separator: ", "))", at: over.keyLocation("chatbot")))
    }
    return diagnostics
  }
}
