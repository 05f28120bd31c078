import Foundation

/// A text file a manifest field names (a prompt, instructions), read relative to the manifest.
public enum ReferencedFile {
  /// The file's text, or a message saying what is wrong with it: missing, a directory, not
  /// UTF-8, too large. Trailing line breaks are kept.
  public static func read(_ path: String, from manifest: URL) -> Result<String, Problem> {
    let url = URL(fileURLWithPath: path, relativeTo: manifest.deletingLastPathComponent())
      .standardizedFileURL
    let display = DisplayPath().display(url)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
      !isDirectory.boolValue
    else {
      return .failure(
        Problem(
          message: "'\(path)' does not exist (looked for \(display)); paths are relative to "
            + "the manifest that names them"))
    }
    switch SourceFileReader(displayPath: display).read(url) {
    case .success(let text): return .success(text)
    case .failure(let failed):
      return .failure(Problem(message: "'\(path)': \(failed.diagnostic.message)"))
    }
  }

  /// Why a referenced file cannot be used.
  public struct Problem: Error, Sendable, Hashable {
    /// What is wrong, naming the path as written.
    public var message: String
  }
}
