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
  /// The most steps running at once (and the most record writes a migration makes at once).
  public var parallelism: Int
  /// Where migrations keep their backups and journals; a migration fails without one.
  public var migrations: (any MigrationStore)?

  /// Creates an executor; `parallelism` below 1 counts as 1.
  public init(
    provider: any Provider, parallelism: Int = 8, migrations: (any MigrationStore)? = nil
  ) {
    self.provider = provider
    self.parallelism = max(1, parallelism)
    self.migrations = migrations
  }

  /// Applies `plan` and reports each step's start and end to `onEvent`. Once `interrupt` is
  /// requested no step starts; those running finish, and the rest are reported not started.
  public func apply(
    _ plan: Plan, interrupt: ApplyInterrupt? = nil,
    onEvent: @escaping @Sendable (ApplyEvent) -> Void = { _ in }
  ) async -> ApplyReport {
    let records = await run(ApplyGraph.steps(for: plan), interrupt: interrupt, onEvent: onEvent)
    return ApplyReport(operations: plan.operations, records: records)
  }

  /// Runs `steps` and returns their records in the order they ended.
  ///
  /// `onEvent` is called by the workers as steps start and end, possibly by several at once;
  /// a step's `started` always comes before its `finished`.
  public func run(
    _ steps: [ApplyStep], interrupt: ApplyInterrupt? = nil,
    onEvent: @escaping @Sendable (ApplyEvent) -> Void = { _ in }
  ) async -> [StepRecord] {
    let provider = self.provider
    let migrations = self.migrations
    let width = parallelism
    let queue = StepQueue(steps)
    interrupt?.onRequest { queue.stop() }
    // A bounded pool of workers: each takes the next ready step as soon as its own ends.
    await withTaskGroup(of: Void.self) { group in
      for _ in 0..<min(parallelism, steps.count) {
        group.addTask {
          while let index = await queue.next() {
            let step = queue.steps[index]
            onEvent(.started(step))
            let record =
              if let migration = step.migration {
                await Executor.perform(step) {
                  guard let migrations else {
                    throw ProviderError(
                      "\(step.address): a migration needs a place for its backup and journal "
                        + "(.heho/ in the project), and this apply has none")
                  }
                  return try await MigrationRun(
                    step: step, migration: migration, provider: provider, store: migrations,
                    width: width
                  ).run()
                }
              } else {
                await Executor.perform(step) { try await provider.perform(step) }
              }
            for reported in queue.finish(index, with: record) { onEvent(.finished(reported)) }
          }
        }
      }
    }
    let (records, leftOver) = queue.close(failingLeftOver: "its dependencies never completed")
    for record in leftOver { onEvent(.finished(record)) }
    return records
  }

  static func perform(
    _ step: ApplyStep, _ write: () async throws -> StepResult
  ) async -> StepRecord {
    let clock = ContinuousClock()
    let start = clock.now
    do {
      let result = try await write()
      return StepRecord(
        step: step, status: .succeeded(adopted: result.adopted), duration: clock.now - start)
    } catch let error as ProviderError {
      return StepRecord(step: step, status: .failed(error.message), duration: clock.now - start)
    } catch let error as MigrationStoreError {
      return StepRecord(step: step, status: .failed(error.message), duration: clock.now - start)
    } catch {
      return StepRecord(
        step: step, status: .failed("unexpected failure: \(type(of: error))"),
        duration: clock.now - start)
    }
  }
}
