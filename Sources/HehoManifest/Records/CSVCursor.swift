/// A position in a CSV file's UTF-8 bytes, with the line and column (in characters) it is at.
struct CSVCursor {
  let bytes: UnsafeBufferPointer<UInt8>
  private(set) var offset = 0
  private(set) var line = 1
  private(set) var column = 1

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  var atEnd: Bool { offset >= bytes.count }

  /// The byte at the cursor, `nil` at the end.
  var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

  /// Moves past one byte on the current line (a continuation byte of a character does not
  /// count as a column).
  mutating func advance() {
    if bytes[offset] & 0xC0 != 0x80 { column += 1 }
    offset += 1
  }

  /// Moves past one byte that may be a line break (inside a quoted field).
  mutating func advanceCountingLines() {
    let byte = bytes[offset]
    if byte == UInt8(ascii: "\n") {
      offset += 1
      line += 1
      column = 1
    } else if byte == UInt8(ascii: "\r") {
      offset += 1
      if peek != UInt8(ascii: "\n") {
        line += 1
        column = 1
      }
    } else {
      advance()
    }
  }

  /// Moves past a line break (`\n`, `\r\n` or `\r`) at the cursor.
  mutating func skipLineBreak() {
    if peek == UInt8(ascii: "\r") { offset += 1 }
    if peek == UInt8(ascii: "\n") { offset += 1 }
    line += 1
    column = 1
  }

  /// Moves past an empty line at the cursor; whether there was one.
  mutating func skipBlankLine() -> Bool {
    guard peek == UInt8(ascii: "\n") || peek == UInt8(ascii: "\r") else { return false }
    skipLineBreak()
    return true
  }

  /// The text from `start` to the cursor.
  func text(from start: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
  }

  /// The cursor's position in `file`.
  func location(_ file: String) -> SourceLocation {
    SourceLocation(file: file, line: line, column: column)
  }
}
