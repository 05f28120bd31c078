import Foundation

#if canImport(Glibc)
  import Glibc
#endif

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

  /// Every `.yaml`/`.yml` file under `directory`, hidden entries and symbolic links to
  /// directories skipped. Reads directories with `readdir`, whose entry types need no `stat`
  /// call per file: a repository of knowledge files has thousands of entries that are not
  /// manifests.
  private func walk(_ directory: URL, into files: inout [URL]) {
    var pending = [directory.path]
    while let path = pending.popLast() {
      guard let handle = opendir(path) else { continue }
      defer { closedir(handle) }
      while let entry = readdir(handle) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
          String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        if name.hasPrefix(".") { continue }
        let full = path + "/" + name
        var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
        var isFile = entry.pointee.d_type == UInt8(DT_REG)
        if entry.pointee.d_type == UInt8(DT_UNKNOWN) || entry.pointee.d_type == UInt8(DT_LNK) {
          // The type needs a look: a link to a directory is not followed, one to a file is read.
          var status = stat()
          let link = entry.pointee.d_type == UInt8(DT_LNK)
          guard stat(full, &status) == 0 else { continue }
          isDirectory = !link && (status.st_mode & S_IFMT) == S_IFDIR
          isFile = (status.st_mode & S_IFMT) == S_IFREG
        }
        if isDirectory {
          pending.append(full)
        } else if isFile {
          let suffix = (name as NSString).pathExtension.lowercased()
          if suffix == "yaml" || suffix == "yml" {
            files.append(URL(fileURLWithPath: full).standardizedFileURL)
          }
        }
      }
    }
  }
}
