import HehoManifest
import PlatformKit

/// The kinds Heppu manages, each spelled once: the raw value is the manifest's `kind`, and
/// `addressKind` the lower-cased name addresses use.
public enum HeppuKind: String, PlatformKind {
  /// A voice or chat agent (`AgentKind`).
  case agent = "Agent"
}

extension HeppuKind {
  /// The manifest kind: its schema and rules.
  var manifestKind: any ManifestKind {
    switch self {
    case .agent: AgentKind()
    }
  }
}
