import LocalServerKit

/// Seeded damage to a manifest's bytes: the ways real files go wrong (bit rot, truncation,
/// copy-paste, editors' Unicode, broken indentation) and some nastier ones.
struct ManifestMutator {
  /// Characters editors and copy-paste bring in.
  static let oddText = [
    "\u{200B}", "\u{FEFF}", "é", "e\u{0301}", "𝔘", "\u{202E}", "\u{0000}", "\u{FFFD}", "\r",
    "\u{2028}", "\t", "🙂", "\u{00A0}", "\u{1F}", "ß", "İ",
  ]
  /// Values that mean something special to YAML or to the loader.
  static let oddValues = [
    "~", "[", "{", "]", "&anchor", "*anchor", "!!binary", "'", "\"", "${var.missing}", "${",
    "-", ":", "? ", "|", ">-", "null", "0x1F", "1e400", "-.inf", "yes", "@", "`", "%TAG", "#",
    String(repeating: "x", count: 300), "[[[[[[[[", "{a: {b: {c: [1, 2, {d: e}]}}}",
  ]

  var random: SplitMix64

  /// Applies one to three mutations.
  mutating func mutate(_ bytes: [UInt8]) -> (bytes: [UInt8], applied: [String]) {
    var result = bytes
    var applied: [String] = []
    for _ in 0..<random.int(1...3) {
      let (next, name) = mutateOnce(result)
      result = next
      applied.append(name)
    }
    return (result, applied)
  }

  mutating func mutateOnce(_ bytes: [UInt8]) -> ([UInt8], String) {
    var bytes = bytes
    let position = bytes.isEmpty ? 0 : random.int(0...(bytes.count - 1))
    var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(
      Array.init)
    let line = lines.isEmpty ? 0 : random.int(0...(lines.count - 1))
    func joined(_ lines: [[UInt8]]) -> [UInt8] {
      Array(lines.joined(separator: [UInt8(ascii: "\n")]))
    }
    switch random.int(0...8) {
    case 0 where !bytes.isEmpty:
      bytes[position] ^= UInt8(1) << UInt8(random.int(0...7))
      return (bytes, "flip a bit at byte \(position)")
    case 1 where !bytes.isEmpty:
      bytes[position] = UInt8(truncatingIfNeeded: random.next())
      return (bytes, "replace byte \(position)")
    case 2:
      return (Array(bytes.prefix(position)), "truncate at byte \(position)")
    case 3 where !lines.isEmpty:
      lines.insert(lines[line], at: line)
      return (joined(lines), "duplicate line \(line + 1)")
    case 4 where !lines.isEmpty:
      lines.remove(at: line)
      return (joined(lines), "delete line \(line + 1)")
    case 5 where lines.count > 1:
      let other = random.int(0...(lines.count - 1))
      lines.swapAt(line, other)
      return (joined(lines), "swap lines \(line + 1) and \(other + 1)")
    case 6:
      let text = random.pick(Self.oddText, or: "é")
      bytes.insert(contentsOf: Array(text.utf8), at: position)
      return (
        bytes,
        "insert \(text.unicodeScalars.map { "U+\(String($0.value, radix: 16))" }) at byte \(position)"
      )
    case 7 where !lines.isEmpty:
      switch random.int(0...2) {
      case 0:
        lines[line].insert(
          contentsOf: Array(repeating: UInt8(ascii: " "), count: random.int(1...3)), at: 0)
      case 1: lines[line].insert(UInt8(ascii: "\t"), at: 0)
      default: lines[line] = Array(lines[line].drop { $0 == UInt8(ascii: " ") })
      }
      return (joined(lines), "change the indentation of line \(line + 1)")
    default:
      guard !lines.isEmpty, let colon = lines[line].firstIndex(of: UInt8(ascii: ":")) else {
        return (bytes + Array(random.pick(Self.oddValues, or: "~").utf8), "append a value")
      }
      let value = random.pick(Self.oddValues, or: "~")
      lines[line] = Array(lines[line][...colon]) + Array(" \(value)".utf8)
      return (joined(lines), "set line \(line + 1)'s value to \(value.prefix(20))")
    }
  }
}
