/// Each record write of a data operation is a step of its own that waits for the builds of
/// what the operation depends on (its container, when the plan creates it): the records are
/// written in parallel within the apply's bound, and never into a table that is not there yet.
struct RecordStepsRule: OrderingRule {
  func apply(to graph: inout ApplyGraphBuilder) {
    for (operation, records) in graph.recordOperations {
      graph.steps += ApplyGraph.recordSteps(
        for: operation, records: records, builds: graph.builds, steps: graph.steps)
    }
  }
}
