import Foundation
import HehoEngine

/// Writes an export into a directory, refusing to overwrite a non-empty one unless forced.
public struct ExportWriter: Sendable {
  /// Overwrite files in a non-empty directory.
  public var force: Bool

  /// Creates a writer.
  public init(force: Bool = false) {
    self.force = force
  }

  /// Writes `files` under `directory` (created when missing). Hidden entries such as `.git`
  /// do not make a directory non-empty. Returns warnings about manifests already there that
  /// this export did not write (`heho plan` would still read them).
  public func write(_ files: [PlatformExport.File], to directory: URL) throws -> [String] {
    let manager = FileManager.default
    let root = directory.standardizedFileURL
    var isDirectory: ObjCBool = false
    if manager.fileExists(atPath: root.path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw ExportWriteError("\(root.path) is a file; give --out a directory")
      }
    }
    let existing = visibleFiles(under: root)
    if !existing.isEmpty && !force {
      throw ExportWriteError(
        "\(root.path) is not empty (\(existing.count) files, e.g. \(existing[0])); export into an "
          + "empty directory, or pass --force to overwrite files there")
    }
    for file in files {
      let url = root.appendingPathComponent(file.path).standardizedFileURL
      // Paths come partly from the platform (document names): none may leave the directory.
      guard url.path.hasPrefix(root.path + "/") else {
        throw ExportWriteError(
          "refusing to write '\(file.path)': it is outside \(root.path); nothing after it was "
            + "written")
      }
      do {
        try manager.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try file.data.write(to: url, options: .atomic)
      } catch {
        throw ExportWriteError("cannot write \(url.path): \(error.localizedDescription)")
      }
    }
    let written = Set(files.map(\.path))
    return existing.filter { path in
      !written.contains(path) && (path.hasSuffix(".yaml") || path.hasSuffix(".yml"))
    }.map {
      "\($0) was already in the directory and was not written by this export; heho reads it "
        + "too: remove it if it is stale"
    }
  }

  /// Paths of regular files under `root`, relative, sorted, skipping hidden entries.
  func visibleFiles(under root: URL) -> [String] {
    let manager = FileManager.default
    guard
      let enumerator = manager.enumerator(
        at: root, includingPropertiesForKeys: [.isRegularFileKey],
        options: [.skipsHiddenFiles])
    else { return [] }
    var paths: [String] = []
    let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
    for case let url as URL in enumerator {
      guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true
      else { continue }
      let path = url.standardizedFileURL.path
      paths.append(path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path)
    }
    return paths.sorted()
  }
}
