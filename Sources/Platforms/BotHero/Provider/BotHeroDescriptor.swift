import HehoEngine
import HehoManifest
import PlatformKit

/// The BotHero platform (`../shared/seeds/bothero-api.txt`): bots, their knowledge documents,
/// and webhooks.
public struct BotHeroDescriptor: PlatformDescriptor {
  /// The platform's name in projects, plans and reports.
  public static let platformName = "bothero"

  /// Creates the descriptor.
  public init() {}

  public var name: String { Self.platformName }
  public var displayName: String { "BotHero" }
  public var apiVersion: String { "bothero/v1" }
  public var defaultEndpoint: String { "https://api.bothero.ai/v1" }
  public var defaultKeyVariable: String { "BOTHERO_API_KEY" }
  public var kinds: [any ManifestKind] { BotHeroKind.allCases.map(\.manifestKind) }

  public func makeProvider(_ access: PlatformAccess) -> any Provider {
    BotHeroProvider(access: access)
  }

  public func export(_ live: LiveState, layout: ExportLayout, provider: any Provider)
    async throws -> PlatformExport
  {
    var export = BotHeroExporter(layout: layout).export(live)
    let documents = try await BotHeroDocumentExporter(layout: layout)
      .export(live, provider: provider as? BotHeroProvider)
    export.files = (export.files + documents.files).sorted { $0.path < $1.path }
    export.warnings += documents.warnings
    export.counts.append((BotHeroKind.knowledgeDocument.addressKind, documents.count))
    return export
  }
}
