import HehoManifest

/// Turns a plan's operations into write steps with their dependencies.
///
/// The steps (`ApplyGraphBuilder`):
/// - A replace is a delete, then a create that waits for it.
/// - A migration is one step (`MigrationRun`); what uses the resource waits for it.
///
/// The ordering rules (`orderingRules`), each a type of its own, run in this order:
/// - A create, connect or update waits for the creates of what it depends on
///   (`BuildAfterDependenciesRule`).
/// - A delete waits for the deletes of the live resources that use it (`DeleteAfterUsersRule`).
/// - A create or rename that takes a name waits for the delete or rename that frees it
///   (`TakeNameAfterFreedRule`).
/// - A write that takes an exclusive value waits for the write that releases it
///   (`ReleaseBeforeTakeRule`).
/// - Each record write is a step that waits for its container's create (`RecordStepsRule`).
/// - Every other write waits for every connect, so that a failed connect writes nothing else
///   (`ConnectsFirstRule`).
public enum ApplyGraph {
  /// The rules that order the steps, in the order they run.
  static let orderingRules: [any OrderingRule] = [
    BuildAfterDependenciesRule(),
    DeleteAfterUsersRule(),
    TakeNameAfterFreedRule(),
    ReleaseBeforeTakeRule(),
    RecordStepsRule(),
    ConnectsFirstRule(),
  ]

  /// The steps of `plan`, in plan order.
  public static func steps(for plan: Plan) -> [ApplyStep] {
    var graph = ApplyGraphBuilder(plan: plan)
    for rule in orderingRules { rule.apply(to: &graph) }
    return graph.steps
  }

  /// Makes `step` wait for the step with ID `dependency`, once; never for itself.
  static func add(_ dependency: String, to step: inout ApplyStep) {
    if dependency != step.id && !step.dependsOn.contains(dependency) {
      step.dependsOn.append(dependency)
    }
  }

  /// The top-level field names a list of changes touches (`columns.price.type` is `columns`),
  /// sorted and distinct.
  static func topLevelFields(of changes: [FieldChange]) -> [String] {
    Set(changes.map { String($0.field.prefix { $0 != "." }) }).sorted()
  }
}
