import Foundation

/// The first stage of loading: the manifest files found and the project resolved, before any
/// resource document is read.
///
/// Its settings are all a caller needs to reach the platform, so a command can start reading
/// the live state while `ManifestLoader.load(_:)` reads the resources.
public struct ProjectStage: Sendable {
  /// What was asked for.
  public var options: LoadOptions
  /// The project's settings; `nil` when the manifests cannot be found.
  public var settings: ProjectSettings?
  /// Project-level diagnostics (the project document, `--env`, `--var`, variables).
  var diagnostics: [Diagnostic]
  /// The files to read; `nil` when the path does not exist.
  var files: ManifestFileFinder.Files?
  /// Resolved project variables.
  var variables: [String: ResolvedText] = [:]
  /// The project file's documents and its own parse diagnostics.
  var projectDocuments: [YAMLDocumentReader.Document] = []
  var projectParseDiagnostics: [Diagnostic] = []
  /// Where the Project document starts, to skip it among the manifests.
  var projectRootLocation: SourceLocation?
  /// Shows paths in diagnostics.
  var paths: DisplayPath

  /// The project file's problems: its parse errors and the project-level diagnostics.
  public var projectDiagnostics: [Diagnostic] {
    (projectParseDiagnostics.filter { $0.severity == .error } + diagnostics).sorted {
      ($0.location?.file ?? "", $0.location?.line ?? 0, $0.location?.column ?? 0)
        < ($1.location?.file ?? "", $1.location?.line ?? 0, $1.location?.column ?? 0)
    }
  }

  /// Whether the project stage already has errors: the whole load will fail.
  public var hasErrors: Bool {
    (diagnostics + projectParseDiagnostics).contains { $0.severity == .error }
  }
}
