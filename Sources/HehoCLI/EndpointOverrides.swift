import ArgumentParser
import HehoManifest
import PlatformKit

/// `--endpoint` values: `PLATFORM=URL` for one platform, or a bare `URL` for the first
/// registered platform.
struct EndpointOverrides: Sendable, Hashable {
  /// Endpoints by platform name.
  var byPlatform: [String: String]

  /// Parses `values` against `registry`.
  ///
  /// - Throws: `ValidationError` naming the unknown platform, or a platform given twice.
  init(_ values: [String], registry: PlatformRegistry) throws {
    var byPlatform: [String: String] = [:]
    for value in values {
      var name = registry.names.first ?? ""
      var url = value
      if let equals = value.firstIndex(of: "="), !value[..<equals].contains(":") {
        name = String(value[..<equals])
        url = String(value[value.index(after: equals)...])
        guard registry.platform(named: name) != nil else {
          throw ValidationError(
            "--endpoint \(value): no platform is named '\(name)'"
              + Suggestions.didYouMean(name, among: registry.names) + " (platforms: "
              + registry.names.joined(separator: ", ") + ")")
        }
      }
      guard byPlatform[name] == nil else {
        throw ValidationError("--endpoint: the \(name) endpoint is given twice")
      }
      byPlatform[name] = url
    }
    self.byPlatform = byPlatform
  }
}
