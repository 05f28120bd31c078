/// The kinds a loader understands: the platforms' kinds, grouped by the platform that declares
/// them, and the project's own kinds (`ConversationTest`), which belong to no platform.
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

  /// The groups, in registry order: platforms only.
  public let groups: [Group]
  /// The project's own kinds (`apiVersion` `ProjectSchema.apiVersion`): checks the tool runs,
  /// which no platform holds, so nothing plans or applies them.
  public let projectKinds: [any ManifestKind]
  /// Every kind, group by group, then the project's own (looked up once per document, so
  /// kept, not recomputed).
  public let kinds: [any ManifestKind]
  /// The names of `projectKinds`, asked about once per document.
  private let projectKindNames: Set<String>

  /// Creates a registry of `groups`, and the project's kinds that go with them (a
  /// `ConversationTest` may target the groups' conversing kinds).
  public init(groups: [Group]) {
    self.groups = groups
    let platformKinds = groups.flatMap(\.kinds)
    projectKinds = [
      ConversationTestKind(
        conversingKinds: platformKinds.filter(\.converses).map(\.name),
        eventKinds: platformKinds.filter(\.deliversEvents).map(\.name))
    ]
    kinds = platformKinds + projectKinds
    projectKindNames = Set(projectKinds.map(\.name))
  }

  /// Whether the kind named `name` is one of the project's own (its documents are not
  /// resources).
  public func isProjectKind(_ name: String) -> Bool {
    projectKindNames.contains(name)
  }

  /// The `apiVersion` of documents of the kind named `name`: its platform's, or the project's
  /// for the project's own kinds.
  public func apiVersion(ofKind name: String) -> String? {
    if isProjectKind(name) { return ProjectSchema.apiVersion }
    return group(ofKind: name)?.apiVersion
  }

  /// The kind named exactly `name`.
  public func kind(named name: String) -> (any ManifestKind)? {
    kinds.first { $0.name == name }
  }

  /// The group that declares the kind named `name`; `nil` for the project's own kinds.
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
