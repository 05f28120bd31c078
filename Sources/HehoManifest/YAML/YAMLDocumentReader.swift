/// Parses the text of one file into YAML documents with positions, converting every parser
/// error and every limit breach into a positioned diagnostic.
struct YAMLDocumentReader {
  /// One parsed document and where it starts.
  struct Document: Sendable {
    var root: YAMLNode
  }

  /// The file's path as shown in diagnostics.
  var file: String
  /// The most nodes one document may have.
  var maxNodes = YAMLLimits.maxNodesPerDocument

  /// Parses `text`; documents before a syntax error are kept, the rest of the file is not read.
  func read(_ text: String) -> (documents: [Document], diagnostics: [Diagnostic]) {
    var bytes = text
    return bytes.withUTF8 { utf8 in
      read(YAMLEventStream(utf8), text: text)
    }
  }

  private func read(_ stream: YAMLEventStream, text: String)
    -> (documents: [Document], diagnostics: [Diagnostic])
  {
    var documents: [Document] = []
    var diagnostics: [Diagnostic] = []
    var sawDocument = false
    var builder = YAMLTreeBuilder(file: file, maxNodes: maxNodes)
    do throws(YAMLStreamError) {
      _ = try stream.next()  // The stream's start.
      while !stream.ended {
        if case .streamEnd = try stream.next() { break }
        let document = try builder.readDocument(from: stream)
        sawDocument = true
        switch document {
        case .success(let root) where root.isNull:
          diagnostics.append(
            Diagnostic(.warning, "empty document skipped", at: Self.inside(root.location, text)))
        case .success(let root):
          documents.append(Document(root: root))
        case .failure(let failure):
          diagnostics.append(Diagnostic(.error, failure.message, at: failure.location))
        }
      }
    } catch .aliasKey(let name, let mark) {
      // Refused for the whole file, as the text was refused before parsing it.
      let translator = YAMLErrorTranslator(file: file, text: text)
      return ([], [translator.diagnostic(for: .aliasKey(name, mark: mark))])
    } catch {
      diagnostics.append(YAMLErrorTranslator(file: file, text: text).diagnostic(for: error))
    }
    if !sawDocument && diagnostics.isEmpty {
      diagnostics.append(
        Diagnostic(
          .warning, "file contains no YAML documents; nothing to load",
          at: SourceLocation(file: file, line: 1, column: 1)))
    }
    return (documents, diagnostics)
  }

  /// `location`, or the end of the last line when libyaml placed it past the end of a file
  /// that does not end with a line break (an empty last document after `---`).
  static func inside(_ location: SourceLocation, _ text: String) -> SourceLocation {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard location.line > lines.count, let last = lines.last else { return location }
    return SourceLocation(file: location.file, line: lines.count, column: last.count + 1)
  }
}
