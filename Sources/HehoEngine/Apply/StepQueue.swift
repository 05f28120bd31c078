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
    /// No step starts any more (an interrupt); those running finish.
    var stopped = false
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
      if state.stopped { return .now(nil) }
      if let index = state.scheduler.start() {
        state.running += 1
        return .now(index)
      }
      return state.running == 0 ? .now(nil) : .wait
    }
    if case .now(let index) = answer { return index }
    return await withCheckedContinuation { continuation in
      let resume = state.withLock { state -> Int?? in
        if state.stopped { return .some(nil) }
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
      while !state.stopped, !state.waiting.isEmpty, state.scheduler.readyCount > 1,
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

  /// Starts no more steps: workers asking for one, or waiting for one, get none. Steps that
  /// are running finish and are recorded as usual.
  func stop() {
    let released = state.withLock { state -> [CheckedContinuation<Int?, Never>] in
      state.stopped = true
      defer { state.waiting = [] }
      return state.waiting
    }
    for continuation in released { continuation.resume(returning: nil) }
  }

  /// Ends the run: every record in the order the steps ended, then a record for each step that
  /// never started (`leftOver`, also returned alone for reporting): not started after a stop,
  /// otherwise a failure (its dependencies could never all succeed).
  func close(failingLeftOver failure: String) -> (all: [StepRecord], leftOver: [StepRecord]) {
    state.withLock { state in
      let status: StepRecord.Status = state.stopped ? .notStarted : .failed(failure)
      let leftOver = state.scheduler.leftOver.map { StepRecord(step: $0, status: status) }
      return (state.records + leftOver, leftOver)
    }
  }
}
