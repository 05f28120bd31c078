import HehoManifest
import PlatformKit

/// HeHo's limits on permissions: one per (chatbot, table) pair, and at most three tables per
/// chatbot.
public struct PermissionLimitsRule: ResourceSetRule {
  /// The most tables one chatbot may have permissions on.
  public static let maxTablesPerChatbot = 3

  /// Creates the rule.
  public init() {}

  public func check(_ drafts: [ResourceDraft]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    // Indexes into `drafts`, not copies of them: a draft is a large value.
    var pairs: [String: Int] = [:]
    var byChatbot: [String: [Int]] = [:]
    var chatbotOrder: [String] = []
    let permissionKind = HeHoKind.permission.rawValue
    for (index, permission) in drafts.enumerated() where permission.kind == permissionKind {
      guard let chatbot = permission.spec["chatbot"]?.stringValue,
        let table = permission.spec["table"]?.stringValue
      else { continue }
      let pair = "\(chatbot)\u{0}\(table)"
      if let firstIndex = pairs[pair] {
        let first = drafts[firstIndex]
        diagnostics.append(
          Diagnostic(
            .error,
            "\(permission.label) grants chatbot \(permission.display("chatbot", chatbot)) access "
              + "to table \(permission.display("table", table)) again (already granted by "
              + "\(first.label) at \(first.location)); merge them into one Permission",
            at: permission.keyLocation("table")))
        continue
      }
      pairs[pair] = index
      if byChatbot[chatbot] == nil { chatbotOrder.append(chatbot) }
      byChatbot[chatbot, default: []].append(index)
    }
    for chatbot in chatbotOrder {
      guard let indexes = byChatbot[chatbot], indexes.count > Self.maxTablesPerChatbot else {
        continue
      }
      let granted = indexes.map { drafts[$0] }
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
