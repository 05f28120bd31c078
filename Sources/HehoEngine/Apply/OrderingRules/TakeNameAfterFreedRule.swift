import HehoManifest

/// A build that takes a name waits for the delete or the in-place rename that frees it:
/// resources are identified by name, so the platform would refuse a second one under it.
struct TakeNameAfterFreedRule: OrderingRule {
  func apply(to graph: inout ApplyGraphBuilder) {
    var frees: [ResourceAddress: String] = [:]
    for (address, index) in graph.deletes { frees[address] = graph.steps[index].id }
    for operation in graph.operations
    where operation.renamedFrom != nil && operation.action == .update {
      if let index = graph.builds[operation.address] {
        frees[operation.liveAddress] = graph.steps[index].id
      }
    }
    for (address, index) in graph.builds {
      if let freeing = frees[address] { graph.add(freeing, toStepAt: index) }
    }
  }
}
