import HehoEngine
import HehoManifest
import PlatformKit

/// The Heppu platform (`../shared/seeds/heppu-agents-api.txt`): voice and chat agents.
public struct HeppuDescriptor: PlatformDescriptor {
  /// The platform's name in projects, plans and reports.
  public static let platformName = "heppu"

  /// Creates the descriptor.
  public init() {}

  public var name: String { Self.platformName }
  public var displayName: String { "Heppu" }
  public var apiVersion: String { "heppu/v1" }
  public var defaultEndpoint: String { "https://v2.heppu.ai/api/v1" }
  public var defaultKeyVariable: String { "HEPPU_API_KEY" }
  public var kinds: [any ManifestKind] { HeppuKind.allCases.map(\.manifestKind) }

  public func makeProvider(_ access: PlatformAccess) -> any Provider {
    HeppuProvider(access: access)
  }

  public func export(_ live: LiveState, layout: ExportLayout, provider: any Provider)
    async throws -> PlatformExport
  {
    HeppuExporter(layout: layout).export(live)
  }
}
