import HehoManifest
import PlatformKit
import Synchronization

/// Which platforms a command contacts: those whose kinds the manifests use, and with `prune`
/// those the project file names. Learned while the manifests load, so that each platform's
/// live state can be read as soon as the first document of one of its kinds is parsed.
final class PlatformsInUse: Sendable {
  private let registry: PlatformRegistry
  /// Each manifest kind's platform, worked out once (`saw(kind:)` runs per document).
  private let owners: [String: String]
  private let seen = Mutex<Set<String>>([])
  private let onFirstUse: @Sendable (String) -> Void

  /// Tracks platforms of `registry`; `onFirstUse` is called once per platform, with its name,
  /// the first time it is seen in use.
  init(registry: PlatformRegistry, onFirstUse: @escaping @Sendable (String) -> Void) {
    self.registry = registry
    var owners: [String: String] = [:]
    for platform in registry.platforms {
      for kind in platform.kinds where owners[kind.name] == nil {
        owners[kind.name] = platform.name
      }
    }
    self.owners = owners
    self.onFirstUse = onFirstUse
  }

  /// Marks the platform declaring the manifest kind `kind` (`Table`) as in use.
  func saw(kind: String) {
    guard let platform = owners[kind] else { return }
    use(platform)
  }

  /// Marks `name` as in use.
  func use(_ name: String) {
    let first = seen.withLock { $0.insert(name).inserted }
    if first { onFirstUse(name) }
  }

  /// The platforms in use, in registry order.
  var names: [String] {
    let seen = self.seen.withLock { $0 }
    return registry.names.filter { seen.contains($0) }
  }

  /// The platforms `state` uses: its resources' platforms and, with `prune`, those the project
  /// file names. In registry order.
  static func names(in state: DesiredState, registry: PlatformRegistry) -> [String] {
    var used = Set(
      state.resources.compactMap { registry.platform(ofAddressKind: $0.address.kind)?.name })
    if state.project.prune { used.formUnion(state.project.declaredProviders) }
    return registry.names.filter { used.contains($0) }
  }
}
