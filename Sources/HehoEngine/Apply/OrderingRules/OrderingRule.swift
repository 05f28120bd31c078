/// One rule of the order in which apply writes, as a step of building the apply graph: it adds
/// the edges (and any steps) the rule calls for to the graph built so far.
///
/// Each rule is a type of its own so that it can be read and tested alone; `ApplyGraph` runs
/// them in the order it lists them, as Terraform runs its graph transformers, because a later
/// rule can rely on what an earlier one added (connects come first to every step, record and
/// release steps included).
protocol OrderingRule: Sendable {
  /// Adds the rule's edges (and steps) to `graph`.
  func apply(to graph: inout ApplyGraphBuilder)
}
