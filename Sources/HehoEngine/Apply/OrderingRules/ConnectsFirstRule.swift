/// Every write but a connect waits for every connect: a connect takes on a resource the
/// platform already holds, and a failed one (it is not there) stops the apply before anything
/// else is written.
struct ConnectsFirstRule: OrderingRule {
  func apply(to graph: inout ApplyGraphBuilder) {
    let connects = graph.steps.filter { $0.action == .connect }.map(\.id)
    for index in graph.steps.indices where graph.steps[index].action != .connect {
      for connect in connects { graph.add(connect, toStepAt: index) }
    }
  }
}
