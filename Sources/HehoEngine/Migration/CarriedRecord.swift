import HehoManifest

/// What a migration does with one live record (`Provider.carryOver(_:in:)`).
public enum CarriedRecord: Sendable, Hashable {
  /// Restored with these fields; `lost` names values that are not (each `field: why`).
  case kept([String: Value], lost: [String])
  /// Cannot be restored, and why (it stays in the backup).
  case dropped(String)

  /// The fields restored, when it is.
  public var fields: [String: Value]? {
    if case .kept(let fields, _) = self { return fields }
    return nil
  }

  /// What it loses: nothing, some values, or itself.
  public var losses: [String] {
    switch self {
    case .kept(_, let lost): return lost
    case .dropped(let reason): return [reason]
    }
  }
}
