import Foundation

/// Shows file paths as the user would type them: relative to the working directory when under it.
struct DisplayPath: Sendable {
  /// The working directory, standardized, without a trailing slash.
  var workingDirectory: String

  init(workingDirectory: String = FileManager.default.currentDirectoryPath) {
    self.workingDirectory = URL(fileURLWithPath: workingDirectory).standardizedFileURL.path
  }

  /// `url`'s path relative to the working directory, or absolute when outside it.
  func display(_ url: URL) -> String {
    let path = url.standardizedFileURL.path
    let prefix = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
    if path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
    return path
  }
}
