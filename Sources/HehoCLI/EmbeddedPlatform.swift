import Foundation
import HehoEngine
import LocalServerKit
import PlatformKit
import PlatformRegistry

/// The embedded local platform `--local` starts in-process.
struct EmbeddedPlatform: Sendable {
  /// Where it listens.
  var baseURL: URL
  /// The key it accepts (fresh on every start; never shown).
  var apiKey: String
  /// Stops it.
  var shutdown: @Sendable () async -> Void

  /// How to reach `platform` on it: the seed's paths on the local address, the local key.
  func access(for platform: any PlatformDescriptor) -> PlatformAccess {
    PlatformAccess(endpoint: platform.endpoint(on: baseURL), apiKey: apiKey)
  }

  /// The database `--local` uses, relative to the working directory.
  static let databasePath = ".heho/local.sqlite"

  /// Starts HehoLocal on a free loopback port: with its database at `.heho/local.sqlite`, or
  /// a throwaway one (`settings.databasePath` nil) removed when it stops.
  static func start(_ settings: EmbeddedSettings = .project) async throws -> EmbeddedPlatform {
    let databasePath = settings.databasePath ?? "a temporary database"
    do {
      if settings.databasePath != nil {
        try FileManager.default.createDirectory(
          atPath: ".heho", withIntermediateDirectories: true)
      }
      let platform = try await LocalPlatform.start(
        LocalPlatformConfiguration(
          host: "127.0.0.1", port: 0, databasePath: settings.databasePath,
          chatEndpoint: settings.chatEndpoint))
      guard let url = URL(string: platform.baseURL) else {
        try? await platform.shutdown()
        throw EmbeddedPlatformError("the local platform reported an invalid address")
      }
      return EmbeddedPlatform(
        baseURL: url, apiKey: platform.apiKey, shutdown: { try? await platform.shutdown() })
    } catch let error as EmbeddedPlatformError {
      throw error
    } catch let error as DatabaseFolderError {
      throw EmbeddedPlatformError("cannot start the local platform: \(error)")
    } catch {
      throw EmbeddedPlatformError(
        "cannot start the local platform with \(databasePath): \(error); "
          + "check that the directory is writable")
    }
  }
}

/// The embedded local platform (`--local`) could not start; the message says what to check.
struct EmbeddedPlatformError: Error, Sendable, CustomStringConvertible {
  var message: String

  init(_ message: String) {
    self.message = message
  }

  var description: String { message }
}
