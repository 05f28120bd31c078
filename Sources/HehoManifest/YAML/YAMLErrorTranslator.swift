import Foundation
import Yams

/// Turns Yams/libyaml errors into positioned diagnostics that say what to fix.
struct YAMLErrorTranslator {
  var file: String
  var text: String

  func diagnostic(for error: any Error) -> Diagnostic {
    guard let error = error as? YamlError else {
      return Diagnostic(.error, "cannot parse YAML: \(error)", at: at(line: 1, column: 1))
    }
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      return syntaxError(problem: problem, context: context, mark: mark)
    case .reader(let problem, let offset, _, _):
      let position = offset.map(position(ofCharacterOffset:)) ?? (1, 1)
      return Diagnostic(
        .error, "cannot read YAML: \(problem); the file must be plain UTF-8 text",
        at: at(line: position.0, column: position.1))
    case .duplicatedKeysInMapping(let duplicates, let context):
      return duplicateKey(duplicates.first ?? "?", firstMark: context.mark)
    default:
      return Diagnostic(.error, "cannot parse YAML: \(error)", at: at(line: 1, column: 1))
    }
  }

  private func syntaxError(problem: String, context: YamlError.Context?, mark: Mark)
    -> Diagnostic
  {
    if problem.contains("Maximum nesting level") {
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

  /// Yams reports the first of two equal keys; point at the second, where YAML would overwrite.
  private func duplicateKey(_ key: String, firstMark: Mark) -> Diagnostic {
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
