import Foundation

/// A text file a manifest field names (a prompt, instructions), read relative to the manifest.
public enum ReferencedFile {
  /// The file's text, or a message saying what is wrong with it: missing, a directory, not
  /// UTF-8, too large. Trailing line breaks are kept.
  public static func read(_ path: String, from manifest: URL) -> Result<String, Problem> {
    let (url, display) = locate(path, from: manifest)
    if let missing = missing(path, at: url, display: display) {
      return .failure(Problem(message: missing))
    }
    switch SourceFileReader(displayPath: display).read(url) {
    case .success(let text): return .success(text)
    case .failure(let failed):
      return .failure(Problem(message: "'\(path)': \(failed.diagnostic.message)"))
    }
  }

  /// Where `path`, written in the manifest `manifest`, is (paths are relative to the manifest
  /// that names them), and how messages show it.
  static func locate(_ path: String, from manifest: URL) -> (url: URL, display: String) {
    let url = URL(fileURLWithPath: path, relativeTo: manifest.deletingLastPathComponent())
      .standardizedFileURL
    return (url, DisplayPath().display(url))
  }

  /// The message when no file is at `url` (nothing, or a directory), naming `path` as written
  /// and where it was looked for; `nil` when the file is there.
  static func missing(_ path: String, at url: URL, display: String) -> String? {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
      !isDirectory.boolValue
    {
      return nil
    }
    return "'\(path)' does not exist (looked for \(display)); paths are relative to the manifest "
      + "that names them"
  }

  /// Why a referenced file cannot be used.
  public struct Problem: Error, Sendable, Hashable {
    /// What is wrong, naming the path as written.
    public var message: String
  }
}
