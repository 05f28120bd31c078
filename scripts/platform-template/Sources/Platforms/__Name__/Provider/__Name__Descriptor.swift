import HehoEngine
import HehoManifest
import PlatformKit

/// The __Name__ platform: gadgets.
public struct __Name__Descriptor: PlatformDescriptor {
  /// The platform's name in projects, plans and reports.
  public static let platformName = "__name__"

  /// Creates the descriptor.
  public init() {}

  public var name: String { Self.platformName }
  public var displayName: String { "__Name__" }
  public var apiVersion: String { "__name__/v1" }
  public var defaultEndpoint: String { "https://api.__name__.example/v1" }
  public var defaultKeyVariable: String { "__NAME___API_KEY" }
  public var kinds: [any ManifestKind] { __Name__Kind.allCases.map(\.manifestKind) }

  public func makeProvider(_ access: PlatformAccess) -> any Provider {
    __Name__Provider(access: access)
  }

  /// One file per gadget, named as every exporter names files.
  public func export(_ live: LiveState, layout: ExportLayout, provider: any Provider)
    async throws -> PlatformExport
  {
    var naming = ExportNaming()
    let kind = __Name__Kind.gadget
    let files = live.resources.filter { kind.matches($0.address) }.map { gadget in
      let name = naming.name(gadget.address.name, fallback: kind.addressKind, in: kind.addressKind)
      let text = [
        "apiVersion: \(apiVersion)", "kind: \(kind.rawValue)", "metadata:",
        "  name: \(ExportYAML.scalar(gadget.address.name))", "spec:",
        "  color: \(ExportYAML.scalar(gadget.fields["color"]?.stringValue ?? "red"))",
        "  enabled: \(gadget.fields["enabled"]?.boolValue ?? true)",
      ].joined(separator: "\n")
      return PlatformExport.File(path: "__name__/gadgets/\(name).yaml", contents: text + "\n")
    }
    return PlatformExport(files: files, counts: [(kind.addressKind, files.count)])
  }
}
