import Foundation

/// Records read from a data file: CSV with a header row, JSON (a list of objects), JSON Lines
/// (one object a line) or YAML (a list of mappings), each with its position.
///
/// CSV values are strings, an empty unquoted field is null and `""` is the empty string; JSON
/// and YAML values keep their types. Hostile files get a positioned error, never a crash or a
/// hang: the size of the file and of each field is bounded, bad UTF-8 is pointed at, and a
/// quote that is never closed names where it opened.
public struct RecordFile: Sendable {
  /// The records, in file order.
  public var records: [[String: Value]]
  /// Where each record (and each of its fields) was written, index by index.
  public var locations: [RecordLocation]

  /// Creates a record file.
  public init(records: [[String: Value]] = [], locations: [RecordLocation] = []) {
    self.records = records
    self.locations = locations
  }

  /// The largest data file read, in bytes (64 MiB).
  public static let maxFileBytes = 64 << 20
  /// The longest CSV field, in bytes (1 MiB).
  public static let maxFieldBytes = 1 << 20
  /// The most YAML or JSON nodes a data file may have.
  public static let maxNodes = 10_000_000
  /// The file extensions read, lower-cased.
  public static let extensions = ["csv", "json", "jsonl", "yaml", "yml"]

  /// Reads the data file at `path` (relative to the manifest `manifest`); its problems are
  /// positioned errors, the first of which stops the read.
  public static func read(_ path: String, from manifest: URL) -> Result<RecordFile, Diagnostic> {
    let (url, display) = ReferencedFile.locate(path, from: manifest)
    let start = SourceLocation(file: display, line: 1, column: 1)
    let format = url.pathExtension.lowercased()
    guard extensions.contains(format) else {
      return .failure(
        Diagnostic(
          .error,
          "'\(path)' is not a data file heho reads: name it .csv (with a header row), .json, "
            + ".jsonl or .yaml", at: start))
    }
    if let missing = ReferencedFile.missing(path, at: url, display: display) {
      return .failure(Diagnostic(.error, missing, at: start))
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    if size > maxFileBytes {
      return .failure(
        Diagnostic(
          .error,
          "'\(path)' is \(size) bytes; data files are limited to \(maxFileBytes) bytes (64 MiB): "
            + "split it into several TableData", at: start))
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      return .failure(Diagnostic(.error, "cannot read '\(path)'; check its permissions", at: start))
    }
    let text: String
    switch SourceFileReader.decode(data, file: display) {
    case .success(let decoded): text = decoded
    case .failure(let failed): return .failure(failed.diagnostic)
    }
    switch format {
    case "csv": return CSVRecordParser(file: display).parse(text)
    case "jsonl": return YAMLRecordReader(file: display).readLines(text)
    default: return YAMLRecordReader(file: display).readList(text)
    }
  }
}
