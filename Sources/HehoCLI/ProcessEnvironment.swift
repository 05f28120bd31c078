import Foundation

/// The environment variables commands read (API keys, `NO_COLOR`); tests inject their own.
public enum ProcessEnvironment {
  /// The current task's environment: the process's unless a test sets one.
  @TaskLocal public static var current: [String: String] = ProcessInfo.processInfo.environment
}
