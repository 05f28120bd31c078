/// A list or mapping whose events are still being read.
struct YAMLFrame {
  /// A mapping's key, once read and while its value is.
  enum PendingKey {
    /// A scalar key, with its tag when that is not a string tag.
    case scalar(String, YAMLEvent.Mark, tag: String?)
    /// A list or mapping as a key: refused, its entry is left out.
    case complex
  }

  var isMapping: Bool
  var location: SourceLocation
  var anchor: String?
  /// Nesting depth as the node budget counts it (the root is at 0).
  var depth: Int
  /// Whether this collection is itself a key of the enclosing mapping.
  var isKey: Bool
  var items: [YAMLNode] = []
  var entries: [YAMLNode.Entry] = []
  /// The tags of keys that are not strings, by entry index (rare).
  var keyTags: [Int: String] = [:]
  var pendingKey: PendingKey?
  /// The anchor statistics of the collection so far (see `YAMLAnchor`).
  var count = 1
  var height = 0
  var failure: YAMLDocumentFailure?

  init(isMapping: Bool, location: SourceLocation, anchor: String?, depth: Int, isKey: Bool) {
    self.isMapping = isMapping
    self.location = location
    self.anchor = anchor
    self.depth = depth
    self.isKey = isKey
  }

  /// Whether the next node read is a key of this mapping.
  var expectsKey: Bool { isMapping && pendingKey == nil }

  /// Notes that a list or mapping starts as a key of this mapping, which refuses it.
  mutating func startComplexKey(at location: SourceLocation) {
    if failure == nil { failure = .complexKey(at: location) }
  }

  /// Adds a finished item or value.
  mutating func add(_ child: YAMLAnchor) {
    if failure == nil { failure = child.failure }
    height = max(height, child.height + 1)
    guard isMapping else {
      items.append(child.node)
      count = YAMLAnchor.sum(count, child.count)
      return
    }
    if case .scalar(let text, let mark, let tag) = pendingKey {
      if let tag { keyTags[entries.count] = tag }
      let location = SourceLocation(file: self.location.file, line: mark.line, column: mark.column)
      entries.append(YAMLNode.Entry(key: text, keyLocation: location, value: child.node))
    }
    pendingKey = nil
    count = YAMLAnchor.sum(count, YAMLAnchor.sum(1, child.count))
  }

  /// The finished collection, or the first duplicated key of a mapping.
  func finish() throws(YAMLStreamError) -> YAMLAnchor {
    if isMapping, let duplicate = YAMLDuplicateKeyFinder.firstDuplicate(in: entries, tags: keyTags)
    {
      throw .duplicateKey(duplicate.key, first: duplicate.first)
    }
    let node = YAMLNode(
      content: isMapping ? .mapping(entries) : .sequence(items), location: location)
    return YAMLAnchor(node: node, count: count, height: height, failure: failure)
  }
}
