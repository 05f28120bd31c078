/// The outcome of one check of a conversation test.
///
/// "Not checkable" is its own outcome, never folded into a pass: a check the platform cannot
/// make (`citesDocument` where replies carry no sources, a `rubric` with no judge) leaves the
/// test incomplete, and the run says so.
public enum CheckOutcome: Sendable, Hashable {
  /// The check held; the detail says what was seen, when that helps.
  case passed(String?)
  /// The check did not hold; the detail says what was seen instead.
  case failed(String)
  /// The check could not be made here; the reason says why.
  case notCheckable(String)

  /// The outcome's name in reports (`passed`, `failed`, `not-checkable`).
  public var status: String {
    switch self {
    case .passed: return "passed"
    case .failed: return "failed"
    case .notCheckable: return "not-checkable"
    }
  }

  /// The detail or reason, if any.
  public var detail: String? {
    switch self {
    case .passed(let detail): return detail
    case .failed(let detail), .notCheckable(let detail): return detail
    }
  }
}
