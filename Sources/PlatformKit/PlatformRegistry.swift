import HehoManifest

/// The platforms heho manages, in order: the one list every layer asks.
public struct PlatformRegistry: Sendable {
  /// The platforms; the first is the one a bare `--endpoint URL` means.
  public var platforms: [any PlatformDescriptor]

  /// Creates a registry. Names, `apiVersion`s and kind names must be unique across platforms.
  public init(_ platforms: [any PlatformDescriptor]) {
    self.platforms = platforms
  }

  /// The platform named `name`.
  public func platform(named name: String) -> (any PlatformDescriptor)? {
    platforms.first { $0.name == name }
  }

  /// The platform that owns resource addresses of `kind` (`table`).
  public func platform(ofAddressKind kind: String) -> (any PlatformDescriptor)? {
    platforms.first { $0.owns(addressKind: kind) }
  }

  /// Every platform's name, in order.
  public var names: [String] { platforms.map(\.name) }

  /// The manifest layer's registry: every platform's kinds, grouped.
  public var kindRegistry: KindRegistry { KindRegistry(groups: platforms.map(\.kindGroup)) }

  /// The problems with the registry itself: a repeated name, `apiVersion` or kind name.
  public var conflicts: [String] {
    var problems: [String] = []
    func repeated(_ values: [String], _ what: String) {
      var seen: Set<String> = []
      for value in values where !seen.insert(value.lowercased()).inserted {
        problems.append("two platforms declare the \(what) '\(value)'")
      }
    }
    repeated(names, "name")
    repeated(platforms.map(\.apiVersion), "apiVersion")
    repeated(platforms.flatMap { $0.kinds.map(\.name) }, "kind")
    return problems
  }
}
