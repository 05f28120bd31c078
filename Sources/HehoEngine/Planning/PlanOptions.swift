import HehoManifest

/// How to plan: guards and scope chosen on the command line.
public struct PlanOptions: Sendable, Hashable {
  /// Allow operations that lose records (`--allow-data-loss`).
  public var allowDataLoss: Bool
  /// Plan only these resources and what they depend on (`--target`); empty plans everything.
  public var targets: [ResourceAddress]
  /// Leave these resources and what depends on them out (`--exclude`).
  public var excludes: [ResourceAddress]
  /// Delete unmanaged live resources; `nil` takes the project's `prune` setting.
  public var prune: Bool?
  /// How many record counts run at once.
  public var countParallelism: Int

  /// Creates plan options.
  public init(
    allowDataLoss: Bool = false, targets: [ResourceAddress] = [],
    excludes: [ResourceAddress] = [], prune: Bool? = nil, countParallelism: Int = 4
  ) {
    self.allowDataLoss = allowDataLoss
    self.targets = targets
    self.excludes = excludes
    self.prune = prune
    self.countParallelism = countParallelism
  }
}
