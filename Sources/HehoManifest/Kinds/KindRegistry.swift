/// The kinds a loader understands.
public struct KindRegistry: Sendable {
  /// The kinds, in the order editors list them.
  public var kinds: [any ManifestKind]

  /// Creates a registry.
  public init(kinds: [any ManifestKind]) {
    self.kinds = kinds
  }

  /// The HeHo platform's kinds.
  public static let standard = KindRegistry(kinds: [TableKind(), ChatbotKind(), PermissionKind()])

  /// The kind named exactly `name`.
  public func kind(named name: String) -> (any ManifestKind)? {
    kinds.first { $0.name == name }
  }

  /// Every kind's name, plus `Project`.
  public var names: [String] { kinds.map(\.name) + [ProjectSchema.kindName] }
}
