import Foundation
import PlatformKit

/// Where each platform sits on one local platform, and one key for all of them, as the
/// descriptors say (`endpoint(on:)`, `defaultKeyVariable`): harnesses name no platform's
/// paths or key variables, so a platform added to the registry is reached the same way.
public struct LocalEndpoints: Sendable {
  /// The platforms served.
  public var registry: PlatformRegistry
  /// The local platform's address (`http://127.0.0.1:PORT`).
  public var baseURL: String

  /// The platforms of `registry` on the local platform at `baseURL`.
  public init(_ registry: PlatformRegistry, baseURL: String) {
    self.registry = registry
    self.baseURL = baseURL
  }

  /// `platform`'s endpoint on the local platform (`http://127.0.0.1:PORT/v1` for BotHero);
  /// the base URL itself when it is not a URL, which every request then reports.
  public func endpoint(_ platform: any PlatformDescriptor) -> String {
    guard let base = URL(string: baseURL) else { return baseURL }
    return platform.endpoint(on: base).absoluteString
  }

  /// `--endpoint NAME=URL` for every platform.
  public var arguments: [String] {
    registry.platforms.flatMap { ["--endpoint", "\($0.name)=\(endpoint($0))"] }
  }

  /// Every platform's default key variable set to `key`.
  public func keyEnvironment(_ key: String) -> [String: String] {
    Dictionary(
      registry.platforms.map { ($0.defaultKeyVariable, key) },
      uniquingKeysWith: { first, _ in first })
  }
}
