import Foundation
import HehoEngine
import HehoManifest
import PlatformKit

/// Reads the live accounts of the platforms `heho export` writes, concurrently, and turns each
/// into its manifests.
struct ExportReader: Sendable {
  /// Read from the embedded local platform.
  var local: Bool
  /// How each platform lays out its files.
  var layout: ExportLayout

  /// One platform's export and where it was read from.
  struct Exported: Sendable {
    var platform: any PlatformDescriptor
    var export: PlatformExport
    /// The endpoint the account was read from (`--endpoint`, else the project's, else the
    /// platform's default), for the exported heho.yaml, so that a plan on the export reaches
    /// the same account; `nil` when read from the embedded platform, whose address changes
    /// on every start.
    var endpoint: String?
  }

  /// Each platform's export, in registry order.
  func read(
    _ platforms: [any PlatformDescriptor], project: ProjectSettings, endpoints: EndpointOverrides
  ) async throws -> [Exported] {
    var embedded: EmbeddedPlatform?
    do {
      var providers: [any Provider] = []
      var readFrom: [String?] = []
      if local { embedded = try await EmbeddedPlatform.start() }
      for platform in platforms {
        let access: PlatformAccess
        if let embedded {
          access = embedded.access(for: platform)
          readFrom.append(nil)
        } else {
          access = try PlatformAccess.resolve(
            platform, project: project, environment: ProcessEnvironment.current,
            endpointOverride: endpoints.byPlatform[platform.name])
          Secrets.current.add(access.apiKey)
          readFrom.append(access.endpoint.absoluteString)
        }
        providers.append(platform.makeProvider(access))
      }
      let states = try await withThrowingTaskGroup(of: (Int, LiveState).self) { group in
        for (index, provider) in providers.enumerated() {
          group.addTask { (index, try await provider.fetchLiveState()) }
        }
        var states: [Int: LiveState] = [:]
        for try await (index, state) in group { states[index] = state }
        return states
      }
      var exports: [Exported] = []
      for (index, platform) in platforms.enumerated() {
        let live = states[index] ?? LiveState(resources: [], readsMade: 0)
        exports.append(
          Exported(
            platform: platform,
            export: try await platform.export(live, layout: layout, provider: providers[index]),
            endpoint: readFrom[index]))
      }
      await embedded?.shutdown()
      return exports
    } catch let error as ProviderError {
      await embedded?.shutdown()
      throw CommandFailure.report(error.message)
    } catch let error as EmbeddedPlatformError {
      throw CommandFailure.report(error.message)
    } catch {
      await embedded?.shutdown()
      throw error
    }
  }
}
