import Foundation

/// How `heho export` lays out the manifests it writes.
public struct ExportLayout: Sendable, Hashable {
  /// One file per kind (`tables.yaml`) instead of one file per resource (`tables/NAME.yaml`).
  public var perKind: Bool
  /// Containers whose records are exported too, as data files with a data-kind manifest
  /// (`heho export --data TABLE`), by name.
  public var data: [String]

  /// Creates a layout.
  public init(perKind: Bool = false, data: [String] = []) {
    self.perKind = perKind
    self.data = data
  }
}

/// What one platform's exporter writes: files (relative paths, sorted) and what it could not
/// export.
public struct PlatformExport: Sendable, Hashable {
  /// One file to write.
  public struct File: Sendable, Hashable {
    /// The path relative to the output directory, with `/` separators.
    public var path: String
    /// The file's bytes.
    public var data: Data

    /// The file's text (UTF-8).
    public var contents: String { String(decoding: data, as: UTF8.self) }

    /// Creates a text file.
    public init(path: String, contents: String) {
      self.path = path
      self.data = Data(contents.utf8)
    }

    /// Creates a file of `data`, written byte for byte (an uploaded document read back).
    public init(path: String, data: Data) {
      self.path = path
      self.data = data
    }
  }

  /// Files sorted by path.
  public var files: [File]
  /// Live resources (or parts of them) left out, each saying why and what to do.
  public var warnings: [String]
  /// Resources exported, by kind (`table`, `chatbot`, `permission`), every kind listed.
  public var counts: [(kind: String, count: Int)]

  /// Creates an export.
  public init(files: [File], warnings: [String] = [], counts: [(kind: String, count: Int)] = []) {
    self.files = files.sorted { $0.path < $1.path }
    self.warnings = warnings
    self.counts = counts
  }

  public static func == (lhs: PlatformExport, rhs: PlatformExport) -> Bool {
    lhs.files == rhs.files && lhs.warnings == rhs.warnings
      && lhs.counts.map(\.kind) == rhs.counts.map(\.kind)
      && lhs.counts.map(\.count) == rhs.counts.map(\.count)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(files)
    hasher.combine(warnings)
  }
}
