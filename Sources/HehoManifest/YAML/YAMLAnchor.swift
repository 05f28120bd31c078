/// A finished node with what reusing it costs: kept for anchors, so that aliases can share
/// the node and still count it against the node budget.
struct YAMLAnchor {
  /// The node; aliases share it rather than copy it.
  var node: YAMLNode
  /// How many nodes and keys visiting the node counts (capped just past the budget).
  var count: Int
  /// How much deeper than the node itself its deepest descendant is.
  var height: Int
  /// The first failure inside the node (a tag or key the loader refuses), if any.
  var failure: YAMLDocumentFailure?

  /// `lhs + rhs`, capped just past the node budget so that alias bombs cannot overflow.
  static func sum(_ lhs: Int, _ rhs: Int) -> Int {
    min(lhs + rhs, YAMLLimits.maxNodesPerDocument + 1)
  }
}
