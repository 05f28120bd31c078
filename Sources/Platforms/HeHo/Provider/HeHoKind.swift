import HehoManifest
import PlatformKit

/// The kinds HeHo manages, each spelled once: the raw value is the manifest's `kind`, and
/// `addressKind` the lower-cased name addresses use.
public enum HeHoKind: String, PlatformKind {
  /// A data table, created or connected (`TableKind`).
  case table = "Table"
  /// An AI chatbot (`ChatbotKind`).
  case chatbot = "Chatbot"
  /// What one chatbot may do with one table, compiled into the chatbot (`PermissionKind`).
  case permission = "Permission"
  /// Rows of a table kept as code (`TableDataKind`).
  case tableData = "TableData"
}

extension HeHoKind {
  /// The manifest kind: its schema and rules.
  var manifestKind: any ManifestKind {
    switch self {
    case .table: TableKind()
    case .chatbot: ChatbotKind()
    case .permission: PermissionKind()
    case .tableData: TableDataKind()
    }
  }

}
