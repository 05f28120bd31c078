import Foundation

/// The files of a local platform's database: the main file (`PATH`, organizations, keys and the
/// platforms' shared tables) and, beside it, folders of per-organization files
/// (`PATH-SUFFIX/ORGANIZATION_ID.sqlite`, see `OrganizationDatabases`).
///
/// The organization files are only reachable through the main file: it holds the organizations
/// whose IDs name those files, and the keys that lead to them. When the main file is gone,
/// opening would create a fresh one with new organizations, whose writes go to new files while
/// the old ones stay unread. So that state is refused before anything is created.
package enum DatabaseFolder {
  /// Checks that the main file at `path` exists, or that no organization files are beside it.
  ///
  /// - Throws: `DatabaseFolderError` naming the missing main file and the organization files
  ///   found.
  package static func checkMainFile(_ path: String) throws {
    guard !FileManager.default.fileExists(atPath: path) else { return }
    let orphans = organizationFiles(besideMainFile: path)
    guard !orphans.isEmpty else { return }
    throw DatabaseFolderError(
      mainFile: path, organizationFiles: orphans,
      organizationFolders: Array(Set(orphans.map { ($0 as NSString).deletingLastPathComponent }))
        .sorted())
  }

  /// The organization files beside the main file at `path`: every `*.sqlite` in a folder named
  /// `NAME-…` next to it (`local.sqlite-orgs/`), sorted. A folder that cannot be listed holds
  /// none that a start could leave unread.
  package static func organizationFiles(besideMainFile path: String) -> [String] {
    let parent = (path as NSString).deletingLastPathComponent
    let prefix = (path as NSString).lastPathComponent + "-"
    let manager = FileManager.default
    let entries = (try? manager.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent)) ?? []
    var files: [String] = []
    for entry in entries where entry.hasPrefix(prefix) {
      let folder = parent.isEmpty ? entry : (parent as NSString).appendingPathComponent(entry)
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue
      else { continue }
      for file in (try? manager.contentsOfDirectory(atPath: folder)) ?? []
      where file.hasSuffix(".sqlite") {
        files.append((folder as NSString).appendingPathComponent(file))
      }
    }
    return files.sorted()
  }
}

/// A database folder holds organization files but not the main file they belong to.
public struct DatabaseFolderError: Error, Sendable, CustomStringConvertible {
  /// The missing main file.
  public var mainFile: String
  /// The organization files found beside it.
  public var organizationFiles: [String]
  /// The folders holding them.
  public var organizationFolders: [String]

  public var description: String {
    let shown = organizationFiles.prefix(3).joined(separator: ", ")
    let more = organizationFiles.count > 3 ? " and \(organizationFiles.count - 3) more" : ""
    return
      "the main database file \(mainFile) is missing, but organization files that belong to it "
      + "remain (\(shown)\(more)); it holds their organizations and keys, and a new main file "
      + "would start new organizations whose writes go to new files, leaving these unread. "
      + "Restore \(mainFile) (for example from a backup), or remove "
      + organizationFolders.joined(separator: " and ") + " to start empty"
  }
}
