import HehoManifest

/// Something the executor reports while it runs.
public enum ApplyEvent: Sendable, Hashable {
  /// A step started.
  case started(ApplyStep)
  /// A step ended (succeeded, failed or skipped).
  case finished(StepRecord)
}

/// Runs a plan's steps in dependency order, at most `parallelism` at a time.
///
/// A failed step skips every step that depends on it, directly or not; independent steps still
/// run to the end.
public struct Executor: Sendable {
  /// The platform written to.
  public var provider: any Provider
  /// The most steps running at once.
  public var parallelism: Int

  /// Creates an executor; `parallelism` below 1 counts as 1.
  public init(provider: any Provider, parallelism: Int = 8) {
    self.provider = provider
    self.parallelism = max(1, parallelism)
  }

  /// Applies `plan` and reports each step's start and end to `onEvent`.
  public func apply(
    _ plan: Plan, onEvent: @escaping @Sendable (ApplyEvent) -> Void = { _ in }
  ) async -> ApplyReport {
    let records = await run(ApplyGraph.steps(for: plan), onEvent: onEvent)
    return ApplyReport(operations: plan.operations, records: records)
  }

  /// Runs `steps` and returns their records in the order they ended.
  public func run(
    _ steps: [ApplyStep], onEvent: @escaping @Sendable (ApplyEvent) -> Void = { _ in }
  ) async -> [StepRecord] {
    let provider = self.provider
    var scheduler = StepScheduler(steps)
    var records: [StepRecord] = []
    records.reserveCapacity(steps.count)
    await withTaskGroup(of: (Int, StepRecord).self) { group in
      var running = 0
      while true {
        while running < parallelism, let index = scheduler.start() {
          let step = scheduler.steps[index]
          running += 1
          onEvent(.started(step))
          group.addTask { (index, await Executor.perform(step, with: provider)) }
        }
        guard let (index, record) = await group.next() else { break }
        running -= 1
        records.append(record)
        onEvent(.finished(record))
        for skipped in scheduler.finish(index, succeeded: record.succeeded) {
          records.append(skipped)
          onEvent(.finished(skipped))
        }
      }
    }
    for step in scheduler.leftOver {
      let record = StepRecord(step: step, status: .failed("its dependencies never completed"))
      records.append(record)
      onEvent(.finished(record))
    }
    return records
  }

  static func perform(_ step: ApplyStep, with provider: any Provider) async -> StepRecord {
    let clock = ContinuousClock()
    let start = clock.now
    do {
      let result = try await provider.perform(step)
      return StepRecord(
        step: step, status: .succeeded(adopted: result.adopted), duration: clock.now - start)
    } catch let error as ProviderError {
      return StepRecord(step: step, status: .failed(error.message), duration: clock.now - start)
    } catch {
      return StepRecord(
        step: step, status: .failed("unexpected failure: \(type(of: error))"),
        duration: clock.now - start)
    }
  }
}
