import Foundation
import Hummingbird

/// The server parts every platform shares: the database of organizations and keys (which holds
/// the platforms' own tables too), the request counters, the fault injector, and the platform
/// API route group that authenticates, counts and injects faults.
package struct LocalSharedServices: Sendable {
  /// Organizations, keys, and the platforms' tables.
  package let store: PlatformStore
  /// The shared database's path; per-organization files sit beside it.
  package let path: String
  /// Request and fault counters.
  package let recorder: MetricsRecorder
  /// Fault decisions.
  package let injector: FaultInjector
  /// Whether names the seeds leave free are unique per organization (409 on a second one).
  package let uniqueNames: Bool
  /// The settings the platforms' features share (chat endpoint, rate limit).
  package let configuration: LocalPlatformConfiguration
  /// Each platform's own settings, which tests may replace while it runs.
  package let platformSettings: LivePlatformSettings

  /// Opens the shared database at `path`, migrated for `modules`.
  package init(
    path: String, modules: [any LocalPlatformModule],
    configuration: LocalPlatformConfiguration = LocalPlatformConfiguration()
  ) throws {
    store = try PlatformStore(path: path, modules: modules)
    self.path = path
    recorder = MetricsRecorder()
    injector = FaultInjector(configuration.faults)
    uniqueNames = configuration.uniqueNames
    self.configuration = configuration
    platformSettings = LivePlatformSettings(configuration.platformSettings)
  }

  /// The current settings of `type`'s platform: the ones given, else its defaults.
  package func settings<Settings: LocalPlatformSettings>(as type: Settings.Type) -> Settings {
    platformSettings.current(type)
  }

  /// The organization with this name; a `LocalPlatformError` when there is none.
  package func organization(named name: String) async throws -> Organization {
    try await store.requireOrganization(named: name)
  }

  /// The route group of one platform's API under `prefix`: counted, faulted, authenticated.
  package func apiGroup(
    _ router: Router<LocalRequestContext>, module: any LocalPlatformModule,
    credentials: LocalCredentials
  ) -> RouterGroup<LocalRequestContext> {
    router.group(RouterPath(String(module.pathPrefix.drop(while: { $0 == "/" }))))
      .add(middleware: MetricsMiddleware(recorder: recorder, platform: module.platform))
      .add(middleware: FaultMiddleware(injector: injector, recorder: recorder))
      .add(
        middleware: AuthMiddleware(
          platform: module.platform, credentials: credentials, store: store))
  }

  /// Closes the shared database.
  package func close() throws {
    try store.pool.close()
  }
}
