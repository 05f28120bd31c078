import HehoEngine
import HehoManifest
import PlatformKit

/// The HeHo platform (`../shared/seeds/heho-api.txt`): chatbots, data tables and per-bot
/// table permissions.
public struct HeHoDescriptor: PlatformDescriptor {
  /// The platform's name in projects, plans and reports.
  public static let platformName = "heho"

  /// Creates the descriptor.
  public init() {}

  public var name: String { Self.platformName }
  public var displayName: String { "HeHo" }
  public var apiVersion: String { "heho/v1" }
  public var defaultEndpoint: String { "https://heho.vercel.app" }
  public var defaultKeyVariable: String { "HEHO_API_KEY" }
  public var kinds: [any ManifestKind] { HeHoKind.allCases.map(\.manifestKind) }

  public func makeProvider(_ access: PlatformAccess) -> any Provider {
    HeHoProvider(access: access)
  }

  public func export(_ live: LiveState, layout: ExportLayout, provider: any Provider)
    async throws -> PlatformExport
  {
    var export = HeHoExporter(layout: layout).export(live)
    guard !layout.data.isEmpty else { return export }
    let data = try await HeHoDataExporter(layout: layout).export(live, provider: provider)
    export.files = (export.files + data.files).sorted { $0.path < $1.path }
    export.warnings += data.warnings
    export.counts += data.counts
    return export
  }
}
