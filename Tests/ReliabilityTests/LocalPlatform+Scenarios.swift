import Foundation
@_spi(Testing) import LocalServerKit

extension LocalPlatform {
  /// A new organization for one scenario of `suite`, and its key: the name carries the seed,
  /// and a random tail keeps it new when the same seed runs again on this platform.
  func organization(for suite: String, seed: UInt64) async throws -> String {
    try await createOrganization(named: "\(suite)-\(seed)-\(UUID().uuidString.prefix(8))")
  }
}
