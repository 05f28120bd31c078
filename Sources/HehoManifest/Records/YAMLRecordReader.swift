/// Reads records from YAML or JSON (a list of mappings) and from JSON Lines (one object a
/// line), with positions, through the manifests' own YAML reader (JSON is YAML's flow style).
struct YAMLRecordReader {
  /// The file's path as shown in diagnostics.
  var file: String

  /// The records of a file holding one list of mappings.
  func readList(_ text: String) -> Result<RecordFile, Diagnostic> {
    let reader = YAMLDocumentReader(file: file, maxNodes: RecordFile.maxNodes)
    let (documents, diagnostics) = reader.read(text)
    if let error = diagnostics.first(where: { $0.severity == .error }) { return .failure(error) }
    guard documents.count <= 1 else {
      return .failure(
        Diagnostic(
          .error,
          "a data file holds one list of records; this one has \(documents.count) "
            + "documents", at: documents[1].root.location))
    }
    guard let root = documents.first?.root else {
      // An empty file is more likely a mistake than a wish to have no rows (with prune, every
      // row would go): no rows are written `[]`.
      return .failure(
        Diagnostic(
          .error, "the data file is empty; write [] for a table with no rows",
          at: SourceLocation(file: file, line: 1, column: 1)))
    }
    guard case .sequence(let items) = root.content else {
      return .failure(
        Diagnostic(
          .error, "a data file holds a list of records (objects); found \(root.typeDescription)",
          at: root.location))
    }
    var file = RecordFile()
    file.records.reserveCapacity(items.count)
    file.locations.reserveCapacity(items.count)
    for item in items {
      switch record(item) {
      case .success(let (record, location)):
        file.records.append(record)
        file.locations.append(location)
      case .failure(let problem): return .failure(problem)
      }
    }
    return .success(file)
  }

  /// The records of a JSON Lines file: one object on each line that is not blank.
  func readLines(_ text: String) -> Result<RecordFile, Diagnostic> {
    var file = RecordFile()
    var number = 0
    // `\r\n` is one Character, a line break like `\n`.
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      number += 1
      if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
      let reader = YAMLDocumentReader(file: self.file, maxNodes: RecordFile.maxNodes)
      let (documents, diagnostics) = reader.read(String(line))
      if let error = diagnostics.first(where: { $0.severity == .error }) {
        return .failure(shifted(error, toLine: number))
      }
      guard documents.count == 1, let root = documents.first?.root else {
        return .failure(
          Diagnostic(
            .error, "each line of a JSON Lines file holds one object",
            at: SourceLocation(file: self.file, line: number, column: 1)))
      }
      switch record(root) {
      case .success(let (record, location)):
        file.records.append(record)
        file.locations.append(
          RecordLocation(
            start: moved(location.start, toLine: number),
            fields: location.fields.mapValues { moved($0, toLine: number) }))
      case .failure(let problem): return .failure(shifted(problem, toLine: number))
      }
    }
    if file.records.isEmpty {
      return .failure(
        Diagnostic(
          .error,
          "the JSON Lines file holds no records; use a .json file holding [] for a table with "
            + "no rows", at: SourceLocation(file: self.file, line: 1, column: 1)))
    }
    return .success(file)
  }

  /// One record: a mapping of field names to values.
  private func record(_ node: YAMLNode) -> Result<([String: Value], RecordLocation), Diagnostic> {
    guard let entries = node.entries else {
      return .failure(
        Diagnostic(
          .error, "a record must be an object of column values; found \(node.typeDescription)",
          at: node.location))
    }
    var record: [String: Value] = [:]
    var locations: [String: SourceLocation] = [:]
    record.reserveCapacity(entries.count)
    for entry in entries {
      if record[entry.key] != nil {
        return .failure(
          Diagnostic(
            .error, "field '\(entry.key)' appears twice in this record", at: entry.keyLocation))
      }
      record[entry.key] = Self.value(entry.value)
      locations[entry.key] = entry.value.location
    }
    return .success((record, RecordLocation(start: node.location, fields: locations)))
  }

  /// The node as a plain value.
  static func value(_ node: YAMLNode) -> Value {
    switch node.content {
    case .scalar(.null, _, _): return .null
    case .scalar(.bool(let flag), _, _): return .bool(flag)
    case .scalar(.int(let number), _, _): return .int(number)
    case .scalar(.double(let number), _, _): return .double(number)
    case .scalar(.string(let text), _, _): return .string(text)
    case .sequence(let items): return .array(items.map(value))
    case .mapping(let entries):
      var object: [String: Value] = [:]
      for entry in entries { object[entry.key] = value(entry.value) }
      return .object(object)
    }
  }

  private func moved(_ location: SourceLocation, toLine line: Int) -> SourceLocation {
    SourceLocation(file: location.file, line: line, column: location.column)
  }

  private func shifted(_ diagnostic: Diagnostic, toLine line: Int) -> Diagnostic {
    var diagnostic = diagnostic
    diagnostic.location = diagnostic.location.map { moved($0, toLine: line) }
    return diagnostic
  }
}
