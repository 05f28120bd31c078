/// Parses CSV (RFC 4180, with a header row) into records with the line and column of every
/// field.
///
/// Fields are separated by commas and records by line breaks (`\n`, `\r\n` or `\r`). A quoted
/// field may hold commas, quotes (doubled) and line breaks. An empty unquoted field is null;
/// `""` is the empty string. Blank lines are skipped. A field longer than
/// `RecordFile.maxFieldBytes`, a quote that is never closed, text after a closing quote, a quote
/// inside an unquoted field, a row with more or fewer fields than the header, and a blank or
/// repeated column name are errors at their position.
struct CSVRecordParser {
  /// The file's path as shown in diagnostics.
  var file: String
  /// The longest field, in bytes.
  var maxFieldBytes = RecordFile.maxFieldBytes

  /// The most fields a row may have (bounds memory on a line of commas).
  static let maxFields = 1_000
  private static let quote = UInt8(ascii: "\"")
  private static let comma = UInt8(ascii: ",")
  private static let newline = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")

  /// One field as read: its value and where it starts.
  private struct Field {
    var value: Value
    var line: Int
    var column: Int
  }

  /// The records of `text`, keyed by the header's names.
  func parse(_ text: String) -> Result<RecordFile, Diagnostic> {
    var text = text
    return text.withUTF8 { bytes in
      var cursor = CSVCursor(bytes: bytes)
      var header: [String] = []
      var result = RecordFile()
      while !cursor.atEnd {
        if cursor.skipBlankLine() { continue }
        let rowLine = cursor.line
        let fields: [Field]
        switch readRow(&cursor) {
        case .success(let read): fields = read
        case .failure(let problem): return .failure(problem)
        }
        if header.isEmpty {
          switch checkHeader(fields) {
          case .success(let names): header = names
          case .failure(let problem): return .failure(problem)
          }
          continue
        }
        guard fields.count == header.count else {
          let at = fields.count > header.count ? fields[header.count] : fields[fields.count - 1]
          return .failure(
            Diagnostic(
              .error,
              "row has \(fields.count) fields but the header has \(header.count) "
                + "(\(header.joined(separator: ", "))); every row needs one value per column "
                + "(an empty field is null)",
              at: SourceLocation(file: self.file, line: at.line, column: at.column)))
        }
        var record: [String: Value] = [:]
        var locations: [String: SourceLocation] = [:]
        record.reserveCapacity(header.count)
        locations.reserveCapacity(header.count)
        for (name, field) in zip(header, fields) {
          record[name] = field.value
          locations[name] = SourceLocation(file: self.file, line: field.line, column: field.column)
        }
        result.records.append(record)
        result.locations.append(
          RecordLocation(
            start: SourceLocation(file: self.file, line: rowLine, column: 1), fields: locations))
      }
      if header.isEmpty {
        return .failure(
          Diagnostic(
            .error, "the CSV file is empty; it needs a header row naming the columns",
            at: SourceLocation(file: self.file, line: 1, column: 1)))
      }
      return .success(result)
    }
  }

  /// The header's column names: each non-empty and distinct (ignoring case).
  private func checkHeader(_ fields: [Field]) -> Result<[String], Diagnostic> {
    var names: [String] = []
    var seen: [String: Int] = [:]
    for field in fields {
      let at = SourceLocation(file: file, line: field.line, column: field.column)
      guard let name = field.value.stringValue, !name.isEmpty else {
        return .failure(
          Diagnostic(.error, "the header row has an empty column name; name every column", at: at))
      }
      if let first = seen[name.lowercased()] {
        return .failure(
          Diagnostic(
            .error,
            "the header names column '\(name)' twice (first as column \(first + 1)); column "
              + "names are case-insensitive and must be unique", at: at))
      }
      seen[name.lowercased()] = names.count
      names.append(name)
    }
    return .success(names)
  }

  /// Reads one record's fields, up to and with its line break.
  private func readRow(_ cursor: inout CSVCursor) -> Result<[Field], Diagnostic> {
    var fields: [Field] = []
    while true {
      let line = cursor.line
      let column = cursor.column
      let value: Value
      switch cursor.peek == Self.quote
        ? readQuoted(&cursor, line: line, column: column)
        : readPlain(&cursor, line: line, column: column)
      {
      case .success(let read): value = read
      case .failure(let problem): return .failure(problem)
      }
      fields.append(Field(value: value, line: line, column: column))
      if fields.count > Self.maxFields {
        return .failure(
          Diagnostic(
            .error,
            "row has more than \(Self.maxFields) fields, the most a data file's row may have",
            at: SourceLocation(file: file, line: line, column: column)))
      }
      guard let next = cursor.peek else { return .success(fields) }
      if next == Self.comma {
        cursor.advance()
        continue
      }
      cursor.skipLineBreak()
      return .success(fields)
    }
  }

  private func readPlain(_ cursor: inout CSVCursor, line: Int, column: Int) -> Result<
    Value, Diagnostic
  > {
    let start = cursor.offset
    while let byte = cursor.peek, byte != Self.comma, byte != Self.newline,
      byte != Self.carriageReturn
    {
      if byte == Self.quote {
        return .failure(
          Diagnostic(
            .error,
            "a quote inside an unquoted field; quote the whole field and double the quotes in "
              + "it (\"say \"\"hi\"\"\")", at: cursor.location(file)))
      }
      cursor.advance()
      if cursor.offset - start > maxFieldBytes {
        return .failure(tooLong(line: line, column: column))
      }
    }
    if cursor.offset == start { return .success(.null) }
    return .success(.string(cursor.text(from: start)))
  }

  private func readQuoted(_ cursor: inout CSVCursor, line: Int, column: Int) -> Result<
    Value, Diagnostic
  > {
    cursor.advance()  // The opening quote.
    var buffer: [UInt8] = []
    while true {
      guard let byte = cursor.peek else {
        return .failure(
          Diagnostic(
            .error,
            "the quote that opens this field is never closed; close it with \" (a quote inside "
              + "a quoted field is written twice: \"\")",
            at: SourceLocation(file: file, line: line, column: column)))
      }
      if byte == Self.quote {
        cursor.advance()
        if cursor.peek == Self.quote {
          buffer.append(Self.quote)
          cursor.advance()
          continue
        }
        break
      }
      buffer.append(byte)
      cursor.advanceCountingLines()
      if buffer.count > maxFieldBytes { return .failure(tooLong(line: line, column: column)) }
    }
    if let next = cursor.peek, next != Self.comma, next != Self.newline,
      next != Self.carriageReturn
    {
      return .failure(
        Diagnostic(
          .error,
          "text after the closing quote of a quoted field; a quote inside a quoted field is "
            + "written twice (\"\")", at: cursor.location(file)))
    }
    return .success(.string(String(decoding: buffer, as: UTF8.self)))
  }

  private func tooLong(line: Int, column: Int) -> Diagnostic {
    Diagnostic(
      .error,
      "field is longer than \(maxFieldBytes) bytes (1 MiB), the most a CSV field may hold; "
        + "check for a quote that is never closed",
      at: SourceLocation(file: file, line: line, column: column))
  }
}
