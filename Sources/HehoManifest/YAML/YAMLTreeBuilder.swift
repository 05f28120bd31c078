/// Builds `YAMLNode` trees straight from libyaml events, one document at a time.
///
/// Aliases reuse the anchored node (never copied) and count its nodes against the document's
/// node budget. A refused document (too many nodes, too deep, an unsupported tag, a complex
/// key) is still read to its end, so that syntax errors and duplicate keys after the refusal
/// are found as before; its first refusal is the one reported.
struct YAMLTreeBuilder {
  /// The file's path as shown in diagnostics.
  var file: String
  /// Anchors of the whole file, as Yams kept them: a later document may use an earlier one's.
  private var anchors: [String: YAMLAnchor] = [:]
  private var frames: [YAMLFrame] = []
  private var budget: YAMLNodeBudget
  private var failure: YAMLDocumentFailure?
  private var root: YAMLAnchor?
  /// The most nodes one document may have.
  private let maxNodes: Int

  init(file: String, maxNodes: Int = YAMLLimits.maxNodesPerDocument) {
    self.file = file
    self.maxNodes = maxNodes
    budget = YAMLNodeBudget(file: file, maxNodes: maxNodes)
  }

  /// Reads one document, its start event already read, up to and with its end event.
  mutating func readDocument(from stream: YAMLEventStream) throws(YAMLStreamError)
    -> Result<YAMLNode, YAMLDocumentFailure>
  {
    frames.removeAll(keepingCapacity: true)
    budget = YAMLNodeBudget(file: file, maxNodes: maxNodes)
    failure = nil
    root = nil
    while true {
      let event = try stream.next()
      switch consume event {
      case .scalar(let scalar): add(scalar)
      case .alias(let name, let mark): try addAlias(name, at: mark)
      case .sequenceStart(let anchor, let mark): start(mapping: false, anchor: anchor, at: mark)
      case .mappingStart(let anchor, let mark): start(mapping: true, anchor: anchor, at: mark)
      case .sequenceEnd, .mappingEnd: try end()
      case .documentEnd:
        if let failure { return .failure(failure) }
        guard let root, frames.isEmpty else { throw Self.unexpected("document end") }
        return .success(root.node)
      case .streamStart, .streamEnd, .documentStart: throw Self.unexpected("stream or document")
      }
    }
  }

  /// The depth of the next node that is not a key.
  private var depth: Int {
    frames.indices.last.map { frames[$0].depth + 1 } ?? 0
  }

  /// Whether the next node is a mapping key.
  private var expectsKey: Bool {
    frames.indices.last.map { frames[$0].expectsKey } ?? false
  }

  private mutating func add(_ scalar: YAMLEvent.Scalar) {
    if expectsKey {
      if failure == nil { budget.countKey() }
      let tag = YAMLDuplicateKeyFinder.isStringTag(scalar.tag) ? nil : scalar.tag
      frames[frames.count - 1].pendingKey = .scalar(scalar.text, scalar.mark, tag: tag)
      if let anchor = scalar.anchor {
        // Comparing keys resolved their tags in place in Yams: their aliases read as strings.
        let isString = scalar.tag.isEmpty || scalar.tag == "!"
        anchors[anchor] = node(scalar, tag: isString ? "tag:yaml.org,2002:str" : scalar.tag)
      }
      return
    }
    if failure == nil { failure = budget.enter(scalar.mark, depth: depth) }
    let built = node(scalar, tag: scalar.tag)
    if failure == nil { failure = built.failure }
    if let anchor = scalar.anchor { anchors[anchor] = built }
    attach(built)
  }

  private func node(_ scalar: YAMLEvent.Scalar, tag: String) -> YAMLAnchor {
    let location = SourceLocation(file: file, line: scalar.mark.line, column: scalar.mark.column)
    let text = scalar.text
    guard
      let content = YAMLScalarResolver.content(
        of: text, tag: tag, plainStyle: scalar.plainStyle, singleLine: scalar.singleLine)
    else {
      let node = YAMLNode(
        content: .scalar(.string(text), text: text, plain: false), location: location)
      return YAMLAnchor(
        node: node, count: 1, height: 0, failure: .unsupportedTag(tag, at: location))
    }
    return YAMLAnchor(
      node: YAMLNode(content: content, location: location), count: 1, height: 0, failure: nil)
  }

  private mutating func addAlias(_ name: String, at mark: YAMLEvent.Mark) throws(YAMLStreamError) {
    guard let anchor = anchors[name] else { throw .undefinedAlias(mark: mark) }
    if expectsKey { throw .aliasKey(name, mark: mark) }
    if failure == nil { failure = budget.expand(anchor, depth: depth) }
    attach(anchor)
  }

  private mutating func start(mapping: Bool, anchor: String?, at mark: YAMLEvent.Mark) {
    let location = SourceLocation(file: file, line: mark.line, column: mark.column)
    let isKey = expectsKey
    let depth = self.depth
    if isKey {
      if failure == nil { failure = .complexKey(at: location) }
      frames[frames.count - 1].startComplexKey(at: location)
    } else if failure == nil {
      failure = budget.enter(mark, depth: depth)
    }
    frames.append(
      YAMLFrame(isMapping: mapping, location: location, anchor: anchor, depth: depth, isKey: isKey))
  }

  private mutating func end() throws(YAMLStreamError) {
    guard let frame = frames.popLast() else { throw Self.unexpected("collection end") }
    let finished = try frame.finish()
    if let anchor = frame.anchor { anchors[anchor] = finished }
    if frame.isKey {
      frames[frames.count - 1].pendingKey = .complex
    } else {
      attach(finished)
    }
  }

  private mutating func attach(_ child: YAMLAnchor) {
    if frames.isEmpty {
      root = child
    } else {
      frames[frames.count - 1].add(child)
    }
  }

  /// An event libyaml never sends where it came (it checks the structure itself).
  private static func unexpected(_ event: String) -> YAMLStreamError {
    .problem(
      YAMLStreamError.Problem(
        stage: .unknown, problem: "unexpected YAML \(event) event",
        mark: YAMLEvent.Mark(line: 1, column: 1), context: nil, offset: 0))
  }
}
