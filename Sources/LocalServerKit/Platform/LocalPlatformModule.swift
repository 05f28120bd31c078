import GRDB
import Hummingbird

/// One platform's part of the local platform: its routes, its tables and its error body.
///
/// The shared server parts (organizations, keys, authentication, faults, metrics, SQLite files)
/// are written once, in this target. Each platform's folder supplies one module, listed beside
/// the platform's descriptor in the registry; `LocalPlatform.start` serves every module it is
/// given from one process, one port and one database directory.
package protocol LocalPlatformModule: Sendable {
  /// The platform's name, as in the registry (`heho`).
  var platform: String { get }
  /// The path its API sits under (`/api`, `/v1`). An unmatched path is answered in the error
  /// shape of the module with the longest prefix that covers it.
  var pathPrefix: String { get }
  /// Every route it serves, with full paths.
  var routes: [LocalRoute] { get }
  /// The error body in the platform's own shape.
  func errorResponse(_ error: LocalAPIError) throws -> Response
  /// Registers the migrations of its tables in the shared database. Identifiers must be unique
  /// across modules.
  func registerMigrations(in migrator: inout DatabaseMigrator)
  /// Opens the platform's stores on the shared services.
  func open(_ shared: LocalSharedServices) throws -> any LocalPlatformPart
}

/// A platform's part of a running local platform: its routes, over its open stores.
package protocol LocalPlatformPart: Sendable {
  /// How its callers present their key (and, where the platform has them, which tokens are
  /// valid).
  var credentials: LocalCredentials { get }
  /// Adds the platform's routes to `group`, which authenticates, counts and injects faults.
  func addRoutes(to group: RouterGroup<LocalRequestContext>)
  /// Closes what `open` opened.
  func close() throws
}
