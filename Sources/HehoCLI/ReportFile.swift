import Foundation

/// A file a command also writes its report to (`--report-file FILE`); nothing when no file was
/// asked for.
struct ReportFile: Sendable {
  /// The file, or nil.
  var path: String?
  /// What the report is, for messages (`the apply report`).
  var what: String

  /// Writes `text` atomically, every key the run resolved redacted.
  func write(_ text: String) throws {
    guard let path else { return }
    do {
      try Data((Secrets.current.redact(text) + "\n").utf8).write(
        to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw CommandFailure.report(
        "cannot write \(what) to \(path): \(error.localizedDescription); "
          + "check that its directory exists and is writable")
    }
  }

  /// Writes `value` as JSON (see `write(_:)`), and says where on standard error.
  func write(json value: some Encodable) throws {
    guard path != nil else { return }
    try write(try JSONText.encode(value, what: what))
    if let path { ConsoleContext.current.err("Wrote \(what) to \(path).") }
  }
}
