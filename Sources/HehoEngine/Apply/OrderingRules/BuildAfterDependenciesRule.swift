/// A create, connect, update or migration waits for the builds of what it depends on
/// (`PlannedOperation.dependsOn`): a chatbot that uses a table is written once the table is
/// there as declared.
struct BuildAfterDependenciesRule: OrderingRule {
  func apply(to graph: inout ApplyGraphBuilder) {
    for operation in graph.operations {
      guard let build = graph.builds[operation.address] else { continue }
      for dependency in operation.dependsOn {
        if let other = graph.builds[dependency] {
          graph.add(graph.steps[other].id, toStepAt: build)
        }
      }
    }
  }
}
