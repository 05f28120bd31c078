import HeapModule

/// The executor's dependency bookkeeping: which steps may start, and which to skip.
///
/// Each step counts the dependencies that have not succeeded yet; a step whose count reaches
/// zero becomes ready, and ready steps start in the order they were given. A step that does not
/// succeed skips every step that depends on it, directly or not. Each finish costs time in
/// proportion to the step's dependents, so a plan of any size is scheduled in linear time.
///
/// A dependency on an ID that no step has (or on the step itself) is never met: such steps are
/// left over, and `leftOver` names them once nothing else can run.
struct StepScheduler {
  /// The steps, in the order given.
  let steps: [ApplyStep]
  /// Each step's ID, computed once.
  let ids: [String]
  /// Per step: how many of its dependencies have not succeeded yet.
  private var unmet: [Int]
  /// Per step: the steps that depend on it.
  private var dependents: [[Int]]
  /// Steps whose dependencies have all succeeded and that have not started.
  private var ready = Heap<Int>()
  /// Per step: whether it started, or was skipped.
  private var settled: [Bool]

  /// Indexes `steps` by their dependencies.
  init(_ steps: [ApplyStep]) {
    self.steps = steps
    ids = steps.map(\.id)
    var holders: [String: [Int]] = [:]
    for (index, id) in ids.enumerated() { holders[id, default: []].append(index) }
    var unmet = Array(repeating: 0, count: steps.count)
    var dependents = Array(repeating: [Int](), count: steps.count)
    for (index, step) in steps.enumerated() {
      var seen = Set<String>()
      for dependency in step.dependsOn where seen.insert(dependency).inserted {
        guard let sources = holders[dependency] else {
          unmet[index] += 1  // nothing can ever meet it
          continue
        }
        for source in sources {
          unmet[index] += 1
          dependents[source].append(index)
        }
      }
    }
    self.unmet = unmet
    self.dependents = dependents
    settled = Array(repeating: false, count: steps.count)
    for index in steps.indices where unmet[index] == 0 { ready.insert(index) }
  }

  /// How many steps are ready to start.
  var readyCount: Int { ready.count }

  /// Takes the first ready step, marking it started; `nil` when none is ready.
  mutating func start() -> Int? {
    guard let index = ready.popMin() else { return nil }
    settled[index] = true
    return index
  }

  /// Records how a started step ended. When it did not succeed, returns the records of the
  /// steps skipped because of it, in the order they were skipped.
  mutating func finish(_ index: Int, succeeded: Bool) -> [StepRecord] {
    if succeeded {
      for dependent in dependents[index] {
        unmet[dependent] -= 1
        if unmet[dependent] == 0 && !settled[dependent] { ready.insert(dependent) }
      }
      return []
    }
    var skipped: [StepRecord] = []
    var blocked = [index]
    while let blocker = blocked.popLast() {
      for dependent in dependents[blocker] where !settled[dependent] {
        settled[dependent] = true
        skipped.append(StepRecord(step: steps[dependent], status: .skipped(because: ids[blocker])))
        blocked.append(dependent)
      }
    }
    return skipped
  }

  /// Steps that neither started nor were skipped: their dependencies can never all succeed.
  var leftOver: [ApplyStep] {
    steps.indices.filter { !settled[$0] }.map { steps[$0] }
  }
}
