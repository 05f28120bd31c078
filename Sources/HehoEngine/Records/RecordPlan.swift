import HehoManifest

/// The record changes of one data kind's resource: every added, edited and deleted record.
public struct RecordPlan: Sendable, Hashable, Codable {
  /// Where the records are kept and how they are identified.
  public var source: RecordSource
  /// The changes, in the order declared (adds and edits), then deletes by key.
  public var changes: [RecordChange]
  /// Declared records the platform already holds as declared.
  public var unchanged: Int
  /// What the records are called, plural (`rows`; `KindBehavior.recordNoun`).
  public var noun: String = "records"

  /// Creates a record plan.
  public init(source: RecordSource, changes: [RecordChange], unchanged: Int) {
    self.source = source
    self.changes = changes
    self.unchanged = unchanged
  }

  /// How many changes of `action` there are.
  public func count(_ action: RecordChange.Action) -> Int {
    changes.reduce(0) { $0 + ($1.action == action ? 1 : 0) }
  }

  /// `+ 1,200 rows, ~ 3 rows, - 0 rows`.
  public var summary: String {
    [("+", RecordChange.Action.add), ("~", .edit), ("-", .delete)].map {
      "\($0.0) \(Self.grouped(count($0.1))) \(noun)"
    }.joined(separator: ", ")
  }

  /// `1,200`: thousands separated by commas.
  public static func grouped(_ number: Int) -> String {
    let digits = String(number)
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return result
  }
}
