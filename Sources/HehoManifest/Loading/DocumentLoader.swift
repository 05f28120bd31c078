import Foundation

/// Validates and resolves one resource document into a draft.
struct DocumentLoader {
  var registry: KindRegistry
  var interpolator: Interpolator
  /// Each kind's document schema, built once per load rather than once per document.
  private let schemas: [String: FieldSchema]

  init(registry: KindRegistry, interpolator: Interpolator) {
    self.registry = registry
    self.interpolator = interpolator
    var schemas: [String: FieldSchema] = [:]
    for kind in registry.kinds where schemas[kind.name] == nil {
      schemas[kind.name] = DocumentSchema.document(kind, in: registry)
    }
    self.schemas = schemas
  }

  /// A resource document after its own checks.
  struct Loaded: Sendable {
    var draft: ResourceDraft
    var lifecycle: Lifecycle
    /// `metadata.previousNames`, as written.
    var previousNames: [String]
  }

  /// The loaded document, or `nil` when it has errors (appended to `diagnostics`).
  func load(_ root: YAMLNode, fileURL: URL, diagnostics: inout [Diagnostic]) -> Loaded? {
    var dataFiles: [URL] = []
    return load(root, fileURL: fileURL, diagnostics: &diagnostics, dataFiles: &dataFiles)
  }

  /// `load(_:fileURL:diagnostics:)`, adding to `dataFiles` the data file the resource reads
  /// (`ManifestKind.dataFileField`), even when it has errors.
  func load(
    _ root: YAMLNode, fileURL: URL, diagnostics: inout [Diagnostic], dataFiles: inout [URL]
  ) -> Loaded? {
    guard root.entries != nil else {
      diagnostics.append(
        Diagnostic(
          .error,
          "a manifest document must be a mapping with apiVersion, kind, metadata and spec; "
            + "found \(root.typeDescription)"
            + (root.entries == nil && root.typeDescription == "a list"
              ? " (if this is a data file, name it in the 'file' of the TableData that reads it)"
              : ""),
          at: root.location))
      return nil
    }
    guard let kindEntry = root.entry("kind") else {
      diagnostics.append(
        Diagnostic(
          .error,
          "missing required field 'kind' (one of: \(registry.names.joined(separator: ", ")))",
          at: root.location))
      return nil
    }
    guard let kindName = kindEntry.value.string, let kind = registry.kind(named: kindName) else {
      let written = kindEntry.value.string ?? kindEntry.value.typeDescription
      let hint =
        written == ProjectSchema.kindName
        ? "; a Project document belongs in \(ProjectSchema.fileName) at the root of the manifests"
        : Suggestions.didYouMean(written, among: registry.names)
          + " (known kinds: \(registry.kinds.map(\.name).joined(separator: ", ")))"
      diagnostics.append(
        Diagnostic(.error, "unknown kind '\(written)'\(hint)", at: kindEntry.value.location))
      return nil
    }
    guard let schema = schemas[kind.name] else { return nil }
    if let field = kind.dataFileField,
      let path = root.entry("spec")?.value.entry(field)?.value.string
    {
      dataFiles.append(
        URL(fileURLWithPath: path, relativeTo: fileURL.deletingLastPathComponent())
          .standardizedFileURL)
    }
    var validator = StructureValidator(interpolator: interpolator)
    let document = validator.validate(root, schema, path: "")
    diagnostics += validator.diagnostics
    guard let document, let spec = document["spec"]?.objectValue,
      let name = document["metadata"]?["name"]?.stringValue
    else { return nil }
    var draft = ResourceDraft(
      kind: kind.name, name: name, spec: spec, location: kindEntry.keyLocation, fileURL: fileURL,
      locations: validator.locations, resolvedTexts: validator.resolvedTexts)
    let structureValid = !validator.diagnostics.contains { $0.severity == .error }
    var problems: [Diagnostic] = []
    if structureValid { kind.resolve(&draft, diagnostics: &problems) }
    var resolvedDocument = document.objectValue ?? [:]
    resolvedDocument["spec"] = .object(draft.spec)
    var checker = ValueChecker(
      locations: draft.locations, fallback: root.location,
      resolvedTexts: draft.resolvedTexts)
    checker.check(.object(resolvedDocument), schema, path: "")
    problems += checker.diagnostics
    if structureValid && problems.isEmpty { kind.validate(draft, diagnostics: &problems) }
    diagnostics += problems
    guard structureValid, !problems.contains(where: { $0.severity == .error }) else { return nil }
    return Loaded(
      draft: draft, lifecycle: lifecycle(document["lifecycle"]),
      previousNames: document["metadata"]?["previousNames"]?.arrayValue?.compactMap(\.stringValue)
        ?? [])
  }

  private func lifecycle(_ value: Value?) -> Lifecycle {
    guard let value else { return Lifecycle() }
    let ignored = (value["ignoreChanges"]?.arrayValue ?? []).map {
      Lifecycle.IgnoredChange(
        field: $0["field"]?.stringValue ?? "", reason: $0["reason"]?.stringValue ?? "")
    }
    return Lifecycle(
      preventDestroy: value["preventDestroy"]?.boolValue ?? false,
      allowDataLoss: value["allowDataLoss"]?.boolValue ?? false, ignoreChanges: ignored,
      migrate: value["migrate"]?.boolValue ?? true)
  }
}
