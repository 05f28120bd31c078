import HehoManifest

/// A copy-migration of a data-holding resource (a table HeHo cannot ALTER): its records are
/// backed up, the resource is dropped and created anew, and the records are restored and
/// verified. The provider describes the change (`Provider.migration(from:to:)`); the planner
/// counts what every live record keeps (`Provider.carryOver(_:in:)`).
public struct MigrationPlan: Sendable, Hashable, Codable {
  /// Where a stopped migration resumes: its backup and how far it got.
  public struct Resume: Sendable, Hashable, Codable {
    /// The backup file, relative to the project (`.heho/backups/products-….jsonl`).
    public var backup: String
    /// The records in the backup.
    public var records: Int
    /// The last step the journal recorded as done.
    public var phase: MigrationJournal.Phase

    /// Creates a resume point.
    public init(backup: String, records: Int, phase: MigrationJournal.Phase) {
      self.backup = backup
      self.records = records
      self.phase = phase
    }
  }

  /// Reads the live records before the change (the current fields and their types).
  public var source: RecordSource
  /// Reads the records back after it (the new fields and types); `lookupFields` say how a
  /// restored record whose add had an unknown outcome is looked up.
  public var target: RecordSource
  /// Fields carried over (present before and after), in the new order.
  public var carried: [String]
  /// Fields the change removes.
  public var removed: [String]
  /// Fields carried over that the new resource requires (a record without a value there cannot
  /// be restored).
  public var required: [String]
  /// Why no record can be restored at all (a new required field without a default); `nil`
  /// when records can be.
  public var dropsEveryRecord: String?
  /// What the change does that loses data whatever the records hold (a column removed, a type
  /// narrowed), one sentence each.
  public var lossyChanges: [String]
  /// What the change does that keeps every value (a column added, a type widened).
  public var losslessChanges: [String]
  /// What records are called (`rows`).
  public var noun: String
  /// Records that will be restored (as counted at plan time).
  public var rowsKept = 0
  /// Records the platform holds now (at plan time).
  public var rowsNow = 0
  /// Records restored with some value lost.
  public var rowsLosingValues = 0
  /// Records that cannot be restored.
  public var rowsDropped = 0
  /// The first 10 records that lose something, each with what it loses.
  public var offending: [String] = []
  /// Whether the user allowed the migration to lose data (`--allow-data-loss` or
  /// `lifecycle.allowDataLoss`): without it, apply stops before the drop when records changed
  /// since the plan so that one would lose something.
  public var allowsLoss = false
  /// Set when an earlier apply stopped during this migration.
  public var resume: Resume?

  /// Creates a migration plan.
  public init(
    source: RecordSource, target: RecordSource, carried: [String], removed: [String] = [],
    required: [String] = [], dropsEveryRecord: String? = nil, lossyChanges: [String] = [],
    losslessChanges: [String] = [], noun: String = "records"
  ) {
    self.source = source
    self.target = target
    self.carried = carried
    self.removed = removed
    self.required = required
    self.dropsEveryRecord = dropsEveryRecord
    self.lossyChanges = lossyChanges
    self.losslessChanges = losslessChanges
    self.noun = noun
  }

  /// Whether the migration loses data: by its changes or by what the records hold.
  public var losesData: Bool {
    !lossyChanges.isEmpty || rowsLosingValues > 0 || rowsDropped > 0
      || dropsEveryRecord != nil
  }

  /// `1,000 rows kept` (and what is lost), or `1,000 rows from backup` for a resume.
  public var headline: String {
    if let resume {
      return "\(RecordPlan.grouped(resume.records)) \(noun) from backup"
    }
    var text = "\(RecordPlan.grouped(rowsKept)) \(noun) kept"
    if rowsLosingValues > 0 {
      text += ", \(RecordPlan.grouped(rowsLosingValues)) losing values"
    }
    if rowsDropped > 0 { text += ", \(RecordPlan.grouped(rowsDropped)) lost" }
    return text
  }

  enum CodingKeys: String, CodingKey {
    case source, target, carried, removed, required
    case dropsEveryRecord = "drops_every_record"
    case lossyChanges = "lossy_changes"
    case losslessChanges = "lossless_changes"
    case noun
    case rowsKept = "rows_kept"
    case rowsNow = "rows_now"
    case rowsLosingValues = "rows_losing_values"
    case rowsDropped = "rows_dropped"
    case offending
    case allowsLoss = "allows_loss"
    case resume
  }
}
