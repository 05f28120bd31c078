import Foundation
import Yams

/// Parses the text of one file into YAML documents with positions, converting every parser
/// error and every limit breach into a positioned diagnostic.
struct YAMLDocumentReader {
  /// One parsed document and where it starts.
  struct Document: Sendable {
    var root: YAMLNode
  }

  /// The file's path as shown in diagnostics.
  var file: String

  /// Parses `text`; documents before a syntax error are kept, the rest of the file is not read.
  func read(_ text: String) -> (documents: [Document], diagnostics: [Diagnostic]) {
    var documents: [Document] = []
    var diagnostics: [Diagnostic] = []
    var sawDocument = false
    if let alias = AliasKeyScanner.firstAliasKey(in: text) {
      let message =
        "the alias '*\(alias.name)' is used as a mapping key; aliases are not supported as keys: "
        + "write the key out"
      let location = SourceLocation(file: file, line: alias.line, column: alias.column)
      return ([], [Diagnostic(.error, message, at: location)])
    }
    do {
      let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
      while let node = try parser.nextRoot() {
        sawDocument = true
        var converter = YAMLNodeConverter(file: file)
        do {
          let root = try converter.convert(node, depth: 0)
          if root.isNull {
            diagnostics.append(
              Diagnostic(.warning, "empty document skipped", at: root.location))
          } else {
            documents.append(Document(root: root))
          }
        } catch let failure as YAMLNodeConverter.Failure {
          diagnostics.append(Diagnostic(.error, failure.message, at: failure.location))
        }
      }
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
}

/// Converts Yams nodes into `YAMLNode`s, expanding aliases within a node budget and a depth cap.
struct YAMLNodeConverter {
  /// Why a document was refused.
  struct Failure: Error {
    var message: String
    var location: SourceLocation
  }

  var file: String
  private var nodes = 0

  init(file: String) {
    self.file = file
  }

  mutating func convert(_ node: Node, depth: Int) throws -> YAMLNode {
    let location = self.location(node.mark)
    nodes += 1
    if nodes > YAMLLimits.maxNodesPerDocument {
      throw Failure(
        message: "document expands to more than \(YAMLLimits.maxNodesPerDocument) nodes "
          + "(YAML aliases repeated too often?); simplify the document", location: location)
    }
    if depth > YAMLLimits.maxDepth {
      throw Failure(
        message: "nesting deeper than \(YAMLLimits.maxDepth) levels; flatten the document",
        location: location)
    }
    switch node {
    case .scalar(let scalar):
      return YAMLNode(content: try convertScalar(scalar, at: location), location: location)
    case .alias:
      throw Failure(message: "unresolved YAML alias", location: location)
    case .sequence(let sequence):
      var items: [YAMLNode] = []
      items.reserveCapacity(sequence.count)
      for item in sequence { items.append(try convert(item, depth: depth + 1)) }
      return YAMLNode(content: .sequence(items), location: location)
    case .mapping(let mapping):
      var entries: [YAMLNode.Entry] = []
      for (key, value) in mapping {
        let keyLocation = self.location(key.mark)
        guard case .scalar(let keyScalar) = key else {
          throw Failure(
            message: "mapping keys must be plain strings, found a complex key",
            location: keyLocation)
        }
        nodes += 1
        let converted = try convert(value, depth: depth + 1)
        entries.append(
          YAMLNode.Entry(key: keyScalar.string, keyLocation: keyLocation, value: converted))
      }
      return YAMLNode(content: .mapping(entries), location: location)
    }
  }

  private func convertScalar(_ scalar: Node.Scalar, at location: SourceLocation) throws
    -> YAMLNode.Content
  {
    let text = scalar.string
    let tag = scalar.tag.description
    let plainStyle = scalar.style == .plain || scalar.style == .any
    let oneLine = !text.contains("\n")
    if tag.isEmpty {
      let value = plainStyle ? YAMLScalarResolver.resolvePlain(text) : .string(text)
      return .scalar(value, text: text, plain: plainStyle && oneLine)
    }
    if tag == "!" {
      return .scalar(.string(text), text: text, plain: false)
    }
    if let value = YAMLScalarResolver.resolveTagged(text, tag: tag) {
      return .scalar(value, text: text, plain: plainStyle && oneLine && value == .string(text))
    }
    throw Failure(
      message: "YAML tag '\(tag)' is not supported here; remove the tag", location: location)
  }

  private func location(_ mark: Mark?) -> SourceLocation {
    SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
  }
}
