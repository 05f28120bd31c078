/// Everything the manifests declare: the project's settings and the resources.
public struct DesiredState: Sendable, Hashable, Codable {
  /// The project's settings.
  public var project: ProjectSettings
  /// Resources in a deterministic order (by file, then position).
  public var resources: [DesiredResource]

  /// Creates a desired state.
  public init(project: ProjectSettings, resources: [DesiredResource]) {
    self.project = project
    self.resources = resources
  }

  /// The resource at `address`, if declared.
  public func resource(at address: ResourceAddress) -> DesiredResource? {
    resources.first { $0.address == address }
  }
}
