import HehoManifest

/// What happened to one step.
public struct StepRecord: Sendable, Hashable {
  /// How the step ended.
  public enum Status: Sendable, Hashable {
    /// It succeeded; `adopted` when a resource found after an unknown outcome was taken over.
    case succeeded(adopted: Bool)
    /// It failed with this message.
    case failed(String)
    /// It did not run because this step did not succeed.
    case skipped(because: String)
    /// It never started: the apply was interrupted first.
    case notStarted
  }

  /// The step.
  public var step: ApplyStep
  /// How it ended.
  public var status: Status
  /// How long it ran (zero when skipped).
  public var duration: Duration

  /// Creates a record.
  public init(step: ApplyStep, status: Status, duration: Duration = .zero) {
    self.step = step
    self.status = status
    self.duration = duration
  }

  /// Whether it succeeded.
  public var succeeded: Bool {
    if case .succeeded = status { return true }
    return false
  }
}

/// What apply did, by operation.
public struct ApplyReport: Sendable, Hashable {
  /// Every step's record, in the order they ended.
  public var records: [StepRecord]
  /// Operations that completed, by action.
  public var completed: [PlannedOperation.Action: Int]
  /// Operations that failed, with the first failure's message.
  public var failed: [(address: ResourceAddress, message: String)] {
    records.compactMap { record in
      if case .failed(let message) = record.status { return (record.step.address, message) }
      return nil
    }
  }
  /// Operations that did not run because something they need failed.
  public var skipped: [ResourceAddress]
  /// Operations that never started because the apply was interrupted.
  public var notStarted: [ResourceAddress]
  /// Fields the platform did not keep as written, found by reading back after the writes.
  public var mismatches: [ApplyMismatch] = []
  /// Number of failed operations.
  public var failedCount: Int
  /// Counts by platform, each as `counts(platform:)` reports them (keys: platform names).
  public var platforms: [String: PlatformCounts]
  /// Records of data kinds written, by what they are called (`rows`) and change.
  public var recordsWritten: [String: [RecordChange.Action: Int]]

  /// One platform's share of an apply.
  public struct PlatformCounts: Sendable, Hashable {
    /// Operations completed, by action.
    public var completed: [PlannedOperation.Action: Int] = [:]
    /// Operations that failed, were skipped, or never started.
    public var failed = 0
    public var skipped = 0
    public var notStarted = 0

    /// `3 created, 1 replaced, 0 deleted, 0 failed, 0 skipped` (connects, updates and not
    /// started named only when there are some).
    public var phrase: String {
      var parts: [String] = []
      if let connected = completed[.connect], connected > 0 {
        parts.append("\(connected) connected")
      }
      parts.append("\(completed[.create] ?? 0) created")
      if let updated = completed[.update], updated > 0 { parts.append("\(updated) updated") }
      parts.append("\(completed[.replace] ?? 0) replaced")
      if let migrated = completed[.migrate], migrated > 0 { parts.append("\(migrated) migrated") }
      parts.append("\(completed[.delete] ?? 0) deleted")
      parts.append("\(failed) failed")
      parts.append("\(skipped) skipped")
      if notStarted > 0 { parts.append("\(notStarted) not started") }
      return parts.joined(separator: ", ")
    }
  }

  /// Creates a report from the plan's operations and the step records.
  public init(operations: [PlannedOperation], records: [StepRecord]) {
    self.records = records
    var completed: [PlannedOperation.Action: Int] = [:]
    var skipped: [ResourceAddress] = []
    var notStarted: [ResourceAddress] = []
    var failedCount = 0
    var platforms: [String: PlatformCounts] = [:]
    let byAddress = Dictionary(grouping: records) { $0.step.address }
    for operation in operations where operation.action != .noop {
      // A rename that replaces deletes the resource under its old name.
      let steps =
        (byAddress[operation.address] ?? [])
        + (operation.renamedFrom == nil
          ? [] : (byAddress[operation.liveAddress] ?? []).filter { $0.step.action == .delete })
      if steps.contains(where: { if case .failed = $0.status { return true } else { return false } }
      ) {
        failedCount += 1
        platforms[operation.platform, default: PlatformCounts()].failed += 1
      } else if !steps.isEmpty && steps.allSatisfy(\.succeeded) {
        completed[operation.action, default: 0] += 1
        platforms[operation.platform, default: PlatformCounts()].completed[
          operation.action, default: 0] += 1
      } else if steps.contains(where: { $0.status == .notStarted }) {
        notStarted.append(operation.address)
        platforms[operation.platform, default: PlatformCounts()].notStarted += 1
      } else {
        skipped.append(operation.address)
        platforms[operation.platform, default: PlatformCounts()].skipped += 1
      }
    }
    self.platforms = platforms
    var nouns: [ResourceAddress: String] = [:]
    for operation in operations {
      if let records = operation.records { nouns[operation.address] = records.noun }
    }
    var recordsWritten: [String: [RecordChange.Action: Int]] = [:]
    for record in records where record.succeeded {
      guard let change = record.step.record?.change else { continue }
      recordsWritten[nouns[record.step.address] ?? "records", default: [:]][
        change.action, default: 0] += 1
    }
    self.recordsWritten = recordsWritten
    self.completed = completed
    self.skipped = skipped
    self.notStarted = notStarted
    self.failedCount = failedCount
  }

  /// Whether every operation completed.
  public var succeeded: Bool {
    failedCount == 0 && skipped.isEmpty && notStarted.isEmpty && mismatches.isEmpty
  }

  /// Whether an interrupt left operations not started.
  public var interrupted: Bool { !notStarted.isEmpty }

  /// `Apply complete: 3 created, 1 replaced, 0 deleted, 0 failed, 0 skipped.`
  public var summaryLine: String {
    let total = PlatformCounts(
      completed: completed, failed: failedCount, skipped: skipped.count,
      notStarted: notStarted.count)
    var parts = [total.phrase]
    for noun in recordsWritten.keys.sorted() {
      let counts = recordsWritten[noun] ?? [:]
      parts.append(
        "\(RecordPlan.grouped(counts[.add] ?? 0)) \(noun) added, "
          + "\(RecordPlan.grouped(counts[.edit] ?? 0)) edited, "
          + "\(RecordPlan.grouped(counts[.delete] ?? 0)) deleted")
    }
    if !mismatches.isEmpty { parts.append("\(mismatches.count) not kept as written") }
    let head =
      succeeded
      ? "Apply complete"
      : interrupted
        ? "Apply interrupted"
        : failedCount + skipped.count > 0
          ? "Apply finished with errors" : "Apply finished with differences"
    return "\(head): " + parts.joined(separator: ", ") + "."
  }

  /// One line per platform, when more than one was written to: `heho: 6 created, …`.
  public var platformLines: [String] {
    guard platforms.count > 1 else { return [] }
    return platforms.keys.sorted().compactMap { name in
      platforms[name].map { "  \(name): \($0.phrase)" }
    }
  }

  public static func == (lhs: ApplyReport, rhs: ApplyReport) -> Bool {
    lhs.records == rhs.records
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(records) }
}
