import Foundation

/// A resource while it is being resolved and checked: spec values plus where they came from.
public struct ResourceDraft: Sendable {
  /// The kind as written (`Table`).
  public var kind: String
  /// `metadata.name`.
  public var name: String
  /// The spec, interpolated.
  public var spec: [String: Value]
  /// Where the document starts.
  public var location: SourceLocation
  /// The manifest file (absolute), for files named relative to it.
  public var fileURL: URL
  /// Where each field's key and value were written, by path from the document root
  /// (`spec.tone`).
  var locations: FieldLocations
  /// Interpolated strings, by path from the document root.
  var resolvedTexts: [String: ResolvedText]
  /// For a data kind whose records were read from a file: where each record was written, in
  /// the order of `spec.rows` (inline rows have their positions in `locations`).
  public var recordLocations: [RecordLocation] = []

  /// The address, `kind/name`.
  public var address: ResourceAddress { ResourceAddress(kind: kind, name: name) }

  /// Where the spec field at `path` (`tone`, `columns[1].type`) was written: its key, else its
  /// value, else the document.
  public func keyLocation(_ path: String) -> SourceLocation {
    locations["spec.\(path)"]?.keyOrValue ?? location
  }

  /// Where `metadata.name`'s value was written, else the document.
  public var nameLocation: SourceLocation {
    locations["metadata.name"]?.value ?? location
  }

  /// Where the value of the metadata field at `path` (`previousNames[0]`) was written, else
  /// the name.
  func metadataLocation(_ path: String) -> SourceLocation {
    locations["metadata.\(path)"]?.value ?? nameLocation
  }

  /// Where `spec` itself was written (its key), else the document.
  public var specLocation: SourceLocation {
    locations["spec"]?.keyOrValue ?? location
  }

  /// Where the value of the spec field at `path` was written.
  public func valueLocation(_ path: String) -> SourceLocation {
    locations["spec.\(path)"]?.value ?? location
  }

  /// The string value at `path` as messages may show it: quoted, or by the environment
  /// variable it came from.
  public func display(_ path: String, _ value: String) -> String {
    resolvedTexts["spec.\(path)"]?.display ?? "'\(value)'"
  }

  /// Reads the file named by the spec field `fileField` (relative to the manifest) into the
  /// spec field `field`, trailing line breaks dropped, as if it had been written inline. Giving
  /// both fields, or a file that cannot be read, is a positioned error.
  ///
  /// - Returns: Whether the manifest names a file (`false`: `field` is as written, or absent).
  @discardableResult
  public mutating func inlineFile(
    _ fileField: String, into field: String, diagnostics: inout [Diagnostic]
  ) -> Bool {
    guard let file = spec[fileField]?.stringValue else { return false }
    if let both = both(field, fileField) {
      diagnostics.append(both)
      return true
    }
    switch ReferencedFile.read(file, from: fileURL) {
    case .success(let text):
      var trimmed = text
      while let last = trimmed.unicodeScalars.last, last == "\n" || last == "\r" {
        trimmed.unicodeScalars.removeLast()
      }
      move(field: fileField, to: field, value: .string(trimmed))
    case .failure(let problem):
      diagnostics.append(
        Diagnostic(.error, "\(fileField) \(problem.message)", at: valueLocation(fileField)))
    }
    return true
  }

  /// The error for a spec that gives both `field` and `fileField`, `nil` when it does not.
  func both(_ field: String, _ fileField: String) -> Diagnostic? {
    guard spec[field] != nil else { return nil }
    return Diagnostic(
      .error, "\(label) has both '\(field)' and '\(fileField)'; keep exactly one",
      at: keyLocation(fileField))
  }

  /// The environment variables the string value at `path` was read from (`${env.NAME}`); empty
  /// when it was written in the manifest.
  public func environmentNames(of path: String) -> [String] {
    resolvedTexts["spec.\(path)"]?.environmentNames ?? []
  }

  /// A short reference to the resource for messages: `Permission 'support-products'`.
  public var label: String { "\(kind) '\(name)'" }

  /// Replaces the spec field at `from` by `to`, moving its locations (e.g. `descriptionFile` →
  /// `description`).
  public mutating func move(field from: String, to: String, value: Value) {
    spec[from] = nil
    spec[to] = value
    locations["spec.\(to)"] = locations.removeValue(forKey: "spec.\(from)")
    resolvedTexts["spec.\(to)"] = nil
  }

  /// Spec field locations keyed by spec-relative path.
  var fieldLocations: [String: SourceLocation] { locations.specFields }
}

extension ResourceDraft {
  /// Where record `index` of a data kind's `rows` (or one of its fields) was written: in the
  /// data file it was read from (`recordLocations`), else inline in the manifest.
  public func recordLocation(_ index: Int, field: String? = nil) -> SourceLocation {
    if index < recordLocations.count {
      let record = recordLocations[index]
      return field.map { record.location(of: $0) } ?? record.start
    }
    let path = "rows[\(index)]"
    if let field, let location = locations["spec.\(path).\(field)"]?.value { return location }
    return locations["spec.\(path)"]?.value ?? valueLocation("rows")
  }

  /// Reads the data file named by the spec field `fileField` (relative to the manifest) into
  /// the spec field `field` as a list of records (objects), keeping where each record and field
  /// was written (`recordLocations`). Giving both fields, or a file with a problem, is a
  /// positioned error.
  ///
  /// - Returns: Whether the manifest names a file.
  @discardableResult
  public mutating func readRecords(
    _ fileField: String, into field: String, diagnostics: inout [Diagnostic]
  ) -> Bool {
    guard let path = spec[fileField]?.stringValue else { return false }
    if let both = both(field, fileField) {
      diagnostics.append(both)
      return true
    }
    switch RecordFile.read(path, from: fileURL) {
    case .success(let file):
      spec[fileField] = nil
      spec[field] = .array(file.records.map(Value.object))
      recordLocations = file.locations
    case .failure(let problem):
      var problem = problem
      // Problems with the file as a whole point at the manifest's field naming it.
      if problem.location?.line == 1 && problem.location?.column == 1
        && problem.message.hasPrefix("'\(path)'")
      {
        problem.location = valueLocation(fileField)
      }
      diagnostics.append(problem)
    }
    return true
  }
}
