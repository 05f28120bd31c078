import PlatformKit
import PlatformRegistry

/// The platforms the command line manages: the standard registry, or another one a test
/// installs for the duration of a call (a task-local value, like `ProcessEnvironment`).
public enum ActivePlatforms {
  /// The registry commands use.
  @TaskLocal public static var registry: PlatformRegistry = .standard
}
