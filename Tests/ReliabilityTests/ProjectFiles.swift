import Foundation

/// A scenario's project on disk: the manifests and data files heho reads.
enum ProjectFiles {
  /// Writes each file at its path under `directory`, making the folders it needs (a file
  /// already there is replaced, as a scenario's later manifests replace its earlier ones).
  static func write(_ files: [(path: String, text: String)], to directory: URL) throws {
    for (path, text) in files {
      let url = directory.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
  }

  /// A fresh folder for one scenario's project (made when its files are written), named after
  /// the suite so a leftover says whose it is.
  static func folder(_ suite: String) -> URL {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-\(suite)-reliability-\(UUID().uuidString)")
  }
}
