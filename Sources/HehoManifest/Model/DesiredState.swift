/// Everything the manifests declare: the project's settings, the resources, and the
/// conversation tests.
public struct DesiredState: Sendable, Hashable, Codable {
  /// The project's settings.
  public var project: ProjectSettings
  /// Resources in a deterministic order (by file, then position).
  public var resources: [DesiredResource]
  /// The project's own checks (`ConversationTest` documents), by file, then position. They are
  /// run by `heho test`, never planned or applied: no platform holds them.
  public var tests: [DesiredResource]

  /// Creates a desired state.
  public init(
    project: ProjectSettings, resources: [DesiredResource], tests: [DesiredResource] = []
  ) {
    self.project = project
    self.resources = resources
    self.tests = tests
  }

  /// The resource at `address`, if declared.
  public func resource(at address: ResourceAddress) -> DesiredResource? {
    resources.first { $0.address == address }
  }
}
