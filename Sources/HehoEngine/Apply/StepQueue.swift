import Synchronization

/// The executor's shared queue of steps: its workers take ready steps from it and report each
/// step's end to it, so a worker that finishes a step starts the next one without a hop through
/// a coordinating task.
///
/// A worker asking for a step while none is ready waits until one becomes ready, or until
/// nothing is running and nothing is ready, which ends every worker.
final class StepQueue: Sendable {
  private struct State {
    var scheduler: StepScheduler
    var running = 0
    var records: [StepRecord] = []
    var waiting: [CheckedContinuation<Int?, Never>] = []
  }

  private let state: Mutex<State>
  /// The steps, in the order given; `next()` answers with indexes into it.
  let steps: [ApplyStep]

  /// A queue over `steps`, in the order given.
  init(_ steps: [ApplyStep]) {
    self.steps = steps
    var records: [StepRecord] = []
    records.reserveCapacity(steps.count)
    state = Mutex(State(scheduler: StepScheduler(steps), records: records))
  }

  /// The next step to run, marked running; `nil` once nothing is left to start.
  func next() async -> Int? {
    enum Answer {
      case now(Int?)
      case wait
    }
    let answer = state.withLock { state -> Answer in
      if let index = state.scheduler.start() {
        state.running += 1
        return .now(index)
      }
      return state.running == 0 ? .now(nil) : .wait
    }
    if case .now(let index) = answer { return index }
    return await withCheckedContinuation { continuation in
      let resume = state.withLock { state -> Int?? in
        // Something may have finished between the check above and this one.
        if let index = state.scheduler.start() {
          state.running += 1
          return .some(index)
        }
        if state.running == 0 { return .some(nil) }
        state.waiting.append(continuation)
        return .none
      }
      if let resume { continuation.resume(returning: resume) }
    }
  }

  /// Records how the step at `index` ended, hands newly ready steps to waiting workers, and
  /// returns the records to report: `record`, then the steps skipped because of it.
  ///
  /// One ready step is left for the caller, which must ask for its next step right after.
  func finish(_ index: Int, with record: StepRecord) -> [StepRecord] {
    let (reported, handed) = state.withLock {
      state -> ([StepRecord], [(CheckedContinuation<Int?, Never>, Int?)]) in
      state.running -= 1
      let skipped = state.scheduler.finish(index, succeeded: record.succeeded)
      state.records.append(record)
      state.records += skipped
      var handed: [(CheckedContinuation<Int?, Never>, Int?)] = []
      while !state.waiting.isEmpty, state.scheduler.readyCount > 1,
        let next = state.scheduler.start()
      {
        state.running += 1
        handed.append((state.waiting.removeFirst(), next))
      }
      if state.running == 0 && state.scheduler.readyCount == 0 {
        handed += state.waiting.map { ($0, nil) }
        state.waiting = []
      }
      return ([record] + skipped, handed)
    }
    for (continuation, index) in handed { continuation.resume(returning: index) }
    return reported
  }

  /// Ends the run: every record in the order the steps ended, then a failure record for each
  /// step that could never start (`leftOver`, also returned alone for reporting).
  func close(failingLeftOver failure: String) -> (all: [StepRecord], leftOver: [StepRecord]) {
    state.withLock { state in
      let leftOver = state.scheduler.leftOver.map {
        StepRecord(step: $0, status: .failed(failure))
      }
      return (state.records + leftOver, leftOver)
    }
  }
}
