import Foundation

/// Finds the manifest files under `-f PATH` and the project file that goes with them.
struct ManifestFileFinder {
  /// What to read.
  struct Files: Sendable {
    /// The directory the manifests live in (the project's root).
    var root: URL
    /// `heho.yaml` at the root, if present.
    var projectFile: URL?
    /// Manifest files in sorted order (the project file among them when the root was given).
    var manifests: [URL]
  }

  /// The files for `path`, or a diagnostic when it does not exist.
  func find(_ path: String) -> Result<Files, Failed> {
    let url = URL(fileURLWithPath: path).standardizedFileURL
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      return .failure(
        Failed(
          Diagnostic(
            .error, "'\(path)' does not exist; pass a manifest file or a directory with -f", at: nil
          )))
    }
    if !isDirectory.boolValue {
      let root = url.deletingLastPathComponent()
      return .success(Files(root: root, projectFile: projectFile(in: root), manifests: [url]))
    }
    var manifests: [URL] = []
    walk(url, into: &manifests)
    manifests.sort { $0.path < $1.path }
    return .success(Files(root: url, projectFile: projectFile(in: url), manifests: manifests))
  }

  private func projectFile(in directory: URL) -> URL? {
    let url = directory.appendingPathComponent(ProjectSchema.fileName)
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }

  private func walk(_ directory: URL, into files: inout [URL]) {
    let keys: [URLResourceKey] = [.isDirectoryKey, .isSymbolicLinkKey]
    guard
      let entries = try? FileManager.default.contentsOfDirectory(
        at: directory, includingPropertiesForKeys: keys)
    else { return }
    for entry in entries.sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) {
      let name = entry.lastPathComponent
      if name.hasPrefix(".") { continue }
      let values = try? entry.resourceValues(forKeys: Set(keys))
      if values?.isDirectory == true {
        if values?.isSymbolicLink != true { walk(entry, into: &files) }
        continue
      }
      let suffix = entry.pathExtension.lowercased()
      if suffix == "yaml" || suffix == "yml" { files.append(entry.standardizedFileURL) }
    }
  }
}
