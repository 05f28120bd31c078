import HehoManifest
import PlatformKit

/// `kind: Permission`: what one chatbot may do with one table.
public struct PermissionKind: ManifestKind {
  /// Creates the kind.
  public init() {}

  public var name: String { HeHoKind.permission.rawValue }
  public var summary: String { "Grants a chatbot read, write or edit access to a table." }
  public var nameSchema: FieldSchema { NamePatterns.resourceName("permission name") }

  public var specSchema: FieldSchema {
    .object(
      "Permission spec",
      [
        .init("chatbot", required: true, NamePatterns.required("chatbot", "the chatbot's name")),
        .init("table", required: true, NamePatterns.required("table", "the table's name")),
        .init("read", .boolean("read rows (default false)")),
        .init("write", .boolean("insert rows (default false)")),
        .init("edit", .boolean("update existing rows (default false)")),
      ])
  }

  public var referenceFields: [(field: String, kind: String)] {
    [("chatbot", HeHoKind.chatbot.rawValue), ("table", HeHoKind.table.rawValue)]
  }

  public var setRules: [any ResourceSetRule] { [PermissionLimitsRule()] }
}
