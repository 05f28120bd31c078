/// Turns libyaml errors and refused keys into positioned diagnostics that say what to fix.
struct YAMLErrorTranslator {
  var file: String
  var text: String

  func diagnostic(for error: YAMLStreamError) -> Diagnostic {
    switch error {
    case .problem(let problem):
      return diagnostic(for: problem)
    case .undefinedAlias(let mark):
      return syntaxError(problem: "found undefined alias", context: nil, mark: mark)
    case .duplicateKey(let key, let first):
      return duplicateKey(key, firstMark: first)
    case .aliasKey(let name, let mark):
      let message =
        "the alias '*\(name)' is used as a mapping key; aliases are not supported as keys: "
        + "write the key out"
      return Diagnostic(
        .error, message, at: SourceLocation(file: file, line: mark.line, column: mark.column))
    }
  }

  private func diagnostic(for problem: YAMLStreamError.Problem) -> Diagnostic {
    switch problem.stage {
    case .scanner, .parser, .composer:
      return syntaxError(problem: problem.problem, context: problem.context, mark: problem.mark)
    case .reader:
      let position = characterOffset(ofByte: problem.offset).map(position(ofCharacterOffset:))
      let (line, column) = position ?? (1, 1)
      return Diagnostic(
        .error, "cannot read YAML: \(problem.problem); the file must be plain UTF-8 text",
        at: at(line: line, column: column))
    case .memory:
      return Diagnostic(.error, "cannot parse YAML: Memory error", at: at(line: 1, column: 1))
    case .unknown:
      return Diagnostic(
        .error, "cannot parse YAML: \(problem.problem)", at: at(line: 1, column: 1))
    }
  }

  private func syntaxError(
    problem: String, context: YAMLStreamError.Problem.Context?, mark: YAMLEvent.Mark
  ) -> Diagnostic {
    if problem.utf8.starts(with: "Maximum nesting level".utf8) {
      return Diagnostic(
        .error, "nesting deeper than \(YAMLLimits.maxDepth) levels; flatten the document",
        at: at(line: mark.line, column: mark.column))
    }
    if let tabColumn = tabInIndentation(line: mark.line) {
      return Diagnostic(
        .error, "tab character in indentation; YAML indentation must use spaces",
        at: at(line: mark.line, column: tabColumn))
    }
    var message = "invalid YAML: \(problem)"
    if let context {
      message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
    }
    return Diagnostic(.error, message, at: at(line: mark.line, column: mark.column))
  }

  /// Point at the second of two equal keys, where YAML would overwrite the first.
  private func duplicateKey(_ key: String, firstMark: YAMLEvent.Mark) -> Diagnostic {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let indent = firstMark.column - 1
    var second: (Int, Int)?
    if firstMark.line < lines.count {
      for index in firstMark.line..<lines.count {
        let line = lines[index]
        let leading = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(leading)
        if leading < indent && !rest.isEmpty && !rest.hasPrefix("#") { break }
        if leading == indent, rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") {
          second = (index + 1, leading + 1)
          break
        }
      }
    }
    let first = "\(firstMark.line):\(firstMark.column)"
    let message =
      "duplicate key '\(key)' (first at \(first)); YAML would silently keep only the last "
      + "value: remove or rename one"
    let position = second ?? (firstMark.line, firstMark.column)
    return Diagnostic(.error, message, at: at(line: position.0, column: position.1))
  }

  private func tabInIndentation(line number: Int) -> Int? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard number >= 1, number <= lines.count else { return nil }
    for candidate in [number, number - 1] where candidate >= 1 {
      let line = lines[candidate - 1]
      let leading = line.prefix { $0 == " " || $0 == "\t" }
      if let tab = leading.firstIndex(of: "\t"), candidate == number {
        return line.distance(from: line.startIndex, to: tab) + 1
      }
    }
    return nil
  }

  /// The offset in characters of the character starting at UTF-8 offset `byte`, if one does.
  private func characterOffset(ofByte byte: Int) -> Int? {
    text.utf8.index(text.utf8.startIndex, offsetBy: byte, limitedBy: text.utf8.endIndex)?
      .samePosition(in: text)
      .map { text.distance(from: text.startIndex, to: $0) }
  }

  private func position(ofCharacterOffset offset: Int) -> (Int, Int) {
    var line = 1
    var column = 1
    for (index, character) in text.enumerated() {
      if index >= offset { break }
      if character == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return (line, column)
  }

  private func at(line: Int, column: Int) -> SourceLocation {
    // libyaml places an end-of-input error on the line after the last when the file does not
    // end with a line break; point at the end of the last line instead.
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if line > lines.count, let last = lines.last {
      return SourceLocation(file: file, line: lines.count, column: last.count + 1)
    }
    return SourceLocation(file: file, line: line, column: column)
  }
}
