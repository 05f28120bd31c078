import HehoManifest

/// The text a record's key value is shown and compared by.
public enum RecordKey {
  /// `7`, `ada@example.com`; null is the empty text.
  public static func text(_ value: Value?) -> String {
    switch value ?? .null {
    case .string(let text): return text
    case .int(let number): return String(number)
    case .double(let number): return String(number)
    case .bool(let flag): return String(flag)
    case .null: return ""
    case let other: return other.description
    }
  }
}
