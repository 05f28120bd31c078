import Foundation

/// The JSON apply report (`heho apply --report-file FILE`): what apply did, counted in all and per
/// platform, step by step. `schemas/apply-report.schema.json` describes it and
/// `docs/plan-format.md` ("The apply report") documents it.
public struct ApplyReportDocument: Sendable, Hashable, Codable {
  /// How the apply ended.
  public enum Status: String, Sendable, Hashable, Codable {
    /// Every operation completed and the platforms kept what was written.
    case applied
    /// The plan had no changes; nothing was written.
    case noChanges = "no_changes"
    /// The plan had refusals; nothing was written.
    case refused
    /// Some operation failed or was skipped.
    case failed
    /// An interrupt left operations not started.
    case interrupted
    /// Every write succeeded, but a platform did not keep some field as written.
    case differences
  }

  /// Operations by outcome.
  public struct Counts: Sendable, Hashable, Codable {
    public var connected = 0
    public var created = 0
    public var updated = 0
    public var replaced = 0
    public var migrated = 0
    public var deleted = 0
    public var failed = 0
    public var skipped = 0
    public var notStarted = 0

    init(_ counts: ApplyReport.PlatformCounts) {
      connected = counts.completed[.connect] ?? 0
      created = counts.completed[.create] ?? 0
      updated = counts.completed[.update] ?? 0
      replaced = counts.completed[.replace] ?? 0
      migrated = counts.completed[.migrate] ?? 0
      deleted = counts.completed[.delete] ?? 0
      failed = counts.failed
      skipped = counts.skipped
      notStarted = counts.notStarted
    }

    enum CodingKeys: String, CodingKey {
      case connected, created, updated, replaced, migrated, deleted, failed, skipped
      case notStarted = "not_started"
    }
  }

  /// One platform's share.
  public struct Platform: Sendable, Hashable, Codable {
    public var name: String
    public var endpoint: String
    public var counts: Counts
  }

  /// One write, as it ended.
  public struct Step: Sendable, Hashable, Codable {
    public var id: String
    public var action: String
    public var address: String
    public var platform: String
    /// `succeeded`, `failed`, `skipped` or `not_started`.
    public var status: String
    /// Whether a resource found after an unclear response was taken over.
    public var adopted: Bool
    public var durationMs: Double
    /// Why it failed, or which step it waited on.
    public var message: String?

    enum CodingKeys: String, CodingKey {
      case id, action, address, platform, status, adopted, message
      case durationMs = "duration_ms"
    }
  }

  /// A field a platform did not keep as written.
  public struct Mismatch: Sendable, Hashable, Codable {
    public var address: String
    public var platform: String
    public var message: String
  }

  public var formatVersion = "1"
  public var status: Status
  /// The summary line the console shows.
  public var summary: String
  public var counts: Counts
  /// Every platform the plan covers, with its endpoint and counts (zero when not written to).
  public var platforms: [Platform]
  /// Every step, in the order they ended.
  public var steps: [Step]
  public var mismatches: [Mismatch]
  /// The conversation tests `heho apply --test` ran on a sandbox first; `nil` without `--test`.
  public var tests: TestReport.Summary?

  enum CodingKeys: String, CodingKey {
    case formatVersion = "format_version"
    case status, summary, counts, platforms, steps, mismatches, tests
  }

  /// The document of an apply that ran; `report` is nil when the plan had nothing to do.
  public init(_ applied: ApplyReport?, platforms endpoints: [PlatformEndpoint]) {
    let report = applied ?? ApplyReport(operations: [], records: [])
    status =
      applied == nil
      ? .noChanges
      : report.succeeded
        ? .applied
        : report.interrupted
          ? .interrupted
          : report.failedCount + report.skipped.count > 0 ? .failed : .differences
    summary = report.summaryLine
    counts = Counts(
      ApplyReport.PlatformCounts(
        completed: report.completed, failed: report.failedCount, skipped: report.skipped.count,
        notStarted: report.notStarted.count))
    platforms = endpoints.sorted().map { endpoint in
      Platform(
        name: endpoint.name, endpoint: endpoint.endpoint,
        counts: Counts(report.platforms[endpoint.name] ?? ApplyReport.PlatformCounts()))
    }
    steps = report.records.map(Self.step)
    mismatches = report.mismatches.map {
      Mismatch(address: $0.address.description, platform: $0.platform, message: $0.message)
    }
  }

  /// The document of an apply refused by its plan: nothing was written.
  public static func refused(_ summary: String, platforms endpoints: [PlatformEndpoint]) -> Self {
    var document = ApplyReportDocument(nil, platforms: endpoints)
    document.status = .refused
    document.summary = summary
    return document
  }

  private static func step(_ record: StepRecord) -> Step {
    let seconds =
      Double(record.duration.components.seconds)
      + Double(record.duration.components.attoseconds) / 1e18
    var step = Step(
      id: record.step.id, action: record.step.action.rawValue,
      address: record.step.address.description, platform: record.step.platform,
      status: "succeeded", adopted: false, durationMs: (seconds * 10_000).rounded() / 10,
      message: nil)
    switch record.status {
    case .succeeded(let adopted): step.adopted = adopted
    case .failed(let message):
      step.status = "failed"
      step.message = message
    case .skipped(let blocker):
      step.status = "skipped"
      step.message = "\(blocker) did not succeed"
    case .notStarted: step.status = "not_started"
    }
    return step
  }
}
