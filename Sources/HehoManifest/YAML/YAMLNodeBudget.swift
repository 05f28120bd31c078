/// Counts one document's nodes as they are visited, every alias expansion included, and
/// refuses the first node past the node budget or the depth cap.
///
/// A mapping counts once for itself and once per key; keys are not checked themselves.
struct YAMLNodeBudget {
  /// The file's path as shown in diagnostics.
  var file: String
  private(set) var nodes = 0
  /// The most nodes a document may have (`YAMLLimits.maxNodesPerDocument` for manifests).
  var maxNodes: Int

  init(file: String, maxNodes: Int = YAMLLimits.maxNodesPerDocument) {
    self.file = file
    self.maxNodes = maxNodes
  }

  /// Counts a node at `depth` (the root is at 0).
  mutating func enter(_ mark: YAMLEvent.Mark, depth: Int) -> YAMLDocumentFailure? {
    nodes += 1
    guard nodes > maxNodes || depth > YAMLLimits.maxDepth else {
      return nil
    }
    return failure(at: SourceLocation(file: file, line: mark.line, column: mark.column))
  }

  /// Counts a mapping key.
  mutating func countKey() {
    nodes += 1
  }

  /// Counts an alias of `anchor` at `depth`, as if the anchored node were written out there.
  mutating func expand(_ anchor: YAMLAnchor, depth: Int) -> YAMLDocumentFailure? {
    if anchor.failure == nil, nodes + anchor.count <= maxNodes,
      depth + anchor.height <= YAMLLimits.maxDepth
    {
      nodes += anchor.count
      return nil
    }
    return walk(anchor.node, depth: depth) ?? anchor.failure
  }

  private mutating func enter(_ location: SourceLocation, depth: Int) -> YAMLDocumentFailure? {
    nodes += 1
    guard nodes > maxNodes || depth > YAMLLimits.maxDepth else {
      return nil
    }
    return failure(at: location)
  }

  /// The budget's refusal once a node exceeded it or the cap (the budget is checked first).
  private func failure(at location: SourceLocation) -> YAMLDocumentFailure {
    nodes > maxNodes ? .tooManyNodes(at: location, limit: maxNodes) : .tooDeep(at: location)
  }

  /// Visits `node` node by node to find where the budget or the cap is exceeded; stops there,
  /// so it never walks more than the budget.
  private mutating func walk(_ node: YAMLNode, depth: Int) -> YAMLDocumentFailure? {
    if let failure = enter(node.location, depth: depth) { return failure }
    switch node.content {
    case .scalar:
      return nil
    case .sequence(let items):
      for item in items {
        if let failure = walk(item, depth: depth + 1) { return failure }
      }
    case .mapping(let entries):
      for entry in entries {
        countKey()
        if let failure = walk(entry.value, depth: depth + 1) { return failure }
      }
    }
    return nil
  }
}
