import Foundation
import HehoEngine

/// The embedded local platform `--local` starts in-process.
struct EmbeddedPlatform: Sendable {
  /// Where it listens.
  var baseURL: URL
  /// The key it accepts.
  var apiKey: String
  /// Stops it.
  var shutdown: @Sendable () async -> Void

  /// Starts HehoLocal on a free loopback port with its database at `.heho/local.sqlite`.
  static func start() async throws -> EmbeddedPlatform {
    throw ProviderError("the embedded local platform is not available in this build")
  }
}
