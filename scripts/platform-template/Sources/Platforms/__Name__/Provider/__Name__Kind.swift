import HehoManifest
import PlatformKit

/// The kinds __Name__ manages, each spelled once: the raw value is the manifest's `kind`, and
/// `addressKind` the lower-cased name addresses use.
public enum __Name__Kind: String, PlatformKind {
  /// A gadget: a color and a switch (`GadgetKind`).
  case gadget = "Gadget"
}

extension __Name__Kind {
  /// The manifest kind: its schema and rules.
  var manifestKind: any ManifestKind {
    switch self {
    case .gadget: GadgetKind()
    }
  }
}
