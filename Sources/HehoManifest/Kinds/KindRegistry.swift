/// The kinds a loader understands, grouped by the platform that declares them.
///
/// The manifest layer names no platform: whoever builds the loader supplies the groups (the
/// platform registry does, from each platform's descriptor).
public struct KindRegistry: Sendable {
  /// One platform's part of the manifests: its `apiVersion`, its provider settings' defaults
  /// and its kinds.
  public struct Group: Sendable {
    /// The platform's name, as in `spec.providers` (`heho`).
    public var name: String
    /// The `apiVersion` of its documents (`heho/v1`).
    public var apiVersion: String
    /// The provider settings a project gets when it says nothing.
    public var defaults: ProjectSettings.Provider
    /// Its kinds, in the order editors list them.
    public var kinds: [any ManifestKind]

    /// Creates a group.
    public init(
      name: String, apiVersion: String, defaults: ProjectSettings.Provider,
      kinds: [any ManifestKind]
    ) {
      self.name = name
      self.apiVersion = apiVersion
      self.defaults = defaults
      self.kinds = kinds
    }
  }

  /// The groups, in registry order.
  public let groups: [Group]
  /// Every kind, group by group (looked up once per document, so kept, not recomputed).
  public let kinds: [any ManifestKind]

  /// Creates a registry of `groups`.
  public init(groups: [Group]) {
    self.groups = groups
    kinds = groups.flatMap(\.kinds)
  }

  /// The kind named exactly `name`.
  public func kind(named name: String) -> (any ManifestKind)? {
    kinds.first { $0.name == name }
  }

  /// The group that declares the kind named `name`.
  public func group(ofKind name: String) -> Group? {
    groups.first { group in group.kinds.contains { $0.name == name } }
  }

  /// Every kind's name, plus `Project`.
  public var names: [String] { kinds.map(\.name) + [ProjectSchema.kindName] }

  /// The provider settings of every platform, by name: the defaults a project starts from.
  public var providerDefaults: [String: ProjectSettings.Provider] {
    Dictionary(groups.map { ($0.name, $0.defaults) }, uniquingKeysWith: { first, _ in first })
  }
}
