import Foundation

/// Reads a manifest file's text, refusing files that are too large or not UTF-8.
struct SourceFileReader {
  /// The file's path as shown in diagnostics.
  var displayPath: String

  /// The text, or an error diagnostic saying why it cannot be read.
  func read(_ url: URL) -> Result<String, Failed> {
    let start = SourceLocation(file: displayPath, line: 1, column: 1)
    let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    if size > YAMLLimits.maxFileBytes {
      return .failure(
        Failed(
          Diagnostic(
            .error,
            "file is \(size) bytes; manifest files are limited to \(YAMLLimits.maxFileBytes) bytes "
              + "(1 MiB): split it into several files", at: start)))
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      return .failure(
        Failed(Diagnostic(.error, "cannot read the file; check its permissions", at: start)))
    }
    return Self.decode(data, file: displayPath)
  }

  /// Decodes UTF-8 (a leading byte-order mark is dropped), pointing at the first invalid byte.
  static func decode(_ data: Data, file: String) -> Result<String, Failed> {
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
    let offset = firstInvalidOffset(bytes)
    let before = bytes[..<offset]
    let line = before.filter { $0 == 0x0A }.count + 1
    let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
    let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
    return .failure(
      Failed(
        Diagnostic(
          .error,
          "invalid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at offset "
            + "\(offset)); save the file as UTF-8",
          at: SourceLocation(file: file, line: line, column: column))))
  }

  private static func firstInvalidOffset(_ bytes: [UInt8]) -> Int {
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      let length: Int
      if lead < 0x80 {
        length = 1
      } else if lead & 0xE0 == 0xC0 {
        length = 2
      } else if lead & 0xF0 == 0xE0 {
        length = 3
      } else if lead & 0xF8 == 0xF0 {
        length = 4
      } else {
        return index
      }
      guard index + length <= bytes.count,
        String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil
      else { return index }
      index += length
    }
    return max(bytes.count - 1, 0)
  }
}
