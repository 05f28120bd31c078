/// Keeps a Markdown report under the size a pull-request comment may have.
///
/// GitHub refuses comments over 65,536 characters. A report that would pass `limit` is
/// rendered compact instead: its head (title, summary, counts) and its refusals whole, then as
/// many rows of its table as fit, then a line saying how many were left out and where the
/// full report is.
public struct MarkdownBudget: Sendable {
  /// The largest report, in UTF-8 bytes (at least as many as GitHub's characters).
  public static let limit = 60_000

  /// Room kept for the closing lines.
  static let reserve = 2_000

  private(set) var lines: [String] = []
  private var used = 0
  private let limit: Int

  /// Starts an empty report of at most `limit` bytes.
  public init(limit: Int = MarkdownBudget.limit) {
    self.limit = limit
  }

  /// Whether `text` is within the limit.
  public static func fits(_ text: String, limit: Int = MarkdownBudget.limit) -> Bool {
    text.utf8.count <= limit
  }

  /// Adds lines that must be kept, whatever their size.
  mutating func keep(_ more: [String]) {
    for line in more {
      lines.append(line)
      used += line.utf8.count + 1
    }
  }

  /// Adds `line` if it fits with room left for the closing lines; whether it did.
  mutating func add(_ line: String) -> Bool {
    let size = line.utf8.count + 1
    guard used + size <= limit - Self.reserve else { return false }
    lines.append(line)
    used += size
    return true
  }

  /// The report.
  var text: String { lines.joined(separator: "\n") }
}
