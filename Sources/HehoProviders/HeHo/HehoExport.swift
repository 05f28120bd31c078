/// How `heho export` lays out and labels the manifests it writes.
public struct HehoExportOptions: Sendable, Hashable {
  /// One file per kind (`tables.yaml`, `chatbots.yaml`, `permissions.yaml`) instead of one
  /// file per resource under `tables/`, `chatbots/` and `permissions/`.
  public var perKind: Bool
  /// The project's name in `heho.yaml`.
  public var projectName: String
  /// The endpoint written to `heho.yaml`.
  public var endpoint: String
  /// The environment variable named in `heho.yaml` for the key (never the key itself).
  public var apiKeyEnv: String

  /// Creates export options.
  public init(
    perKind: Bool = false, projectName: String,
    endpoint: String = "https://heho.vercel.app", apiKeyEnv: String = "HEHO_API_KEY"
  ) {
    self.perKind = perKind
    self.projectName = projectName
    self.endpoint = endpoint
    self.apiKeyEnv = apiKeyEnv
  }
}

/// What `heho export` writes: files (relative paths, sorted) and what it could not export.
public struct HehoExport: Sendable, Hashable {
  /// One file to write.
  public struct File: Sendable, Hashable {
    /// The path relative to the output directory, with `/` separators.
    public var path: String
    /// The file's text.
    public var contents: String

    /// Creates a file.
    public init(path: String, contents: String) {
      self.path = path
      self.contents = contents
    }
  }

  /// Files sorted by path; `heho.yaml` among them.
  public var files: [File]
  /// Live resources (or parts of them) left out, each saying why and what to do.
  public var warnings: [String]
  /// Resources exported, by kind (`table`, `chatbot`, `permission`).
  public var counts: [String: Int]

  /// Creates an export.
  public init(files: [File], warnings: [String] = [], counts: [String: Int] = [:]) {
    self.files = files.sorted { $0.path < $1.path }
    self.warnings = warnings
    self.counts = counts
  }
}
