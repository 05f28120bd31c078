/// A delete waits for the deletes of the live resources that use it
/// (`PlannedOperation.liveDependsOn`): the platform refuses to drop a table a chatbot still
/// uses.
struct DeleteAfterUsersRule: OrderingRule {
  func apply(to graph: inout ApplyGraphBuilder) {
    for operation in graph.operations {
      guard let delete = graph.deletes[operation.liveAddress] else { continue }
      for used in operation.liveDependsOn {
        if let other = graph.deletes[used] {
          graph.add(graph.steps[delete].id, toStepAt: other)
        }
      }
    }
  }
}
