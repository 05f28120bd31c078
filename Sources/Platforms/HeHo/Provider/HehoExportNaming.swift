/// Names for exported files and permissions: valid per the manifest's rules, unique, stable.
struct HehoExportNaming {
  private var taken: [String: Set<String>] = [:]

  /// `text` lower-cased with anything outside `a-z 0-9 . _ -` turned into `-`, runs of `-`
  /// collapsed, and `fallback` when nothing is left.
  static func slug(_ text: String, fallback: String) -> String {
    var result = ""
    for character in text.lowercased() {
      let keep =
        character.isASCII && (character.isLetter || character.isNumber || "._-".contains(character))
      let next = keep ? character : "-"
      if next == "-" && result.hasSuffix("-") { continue }
      result.append(next)
    }
    while result.hasPrefix("-") || result.hasPrefix(".") { result.removeFirst() }
    while result.hasSuffix("-") || result.hasSuffix(".") { result.removeLast() }
    return result.isEmpty ? fallback : String(result.prefix(200))
  }

  /// `base`, or `base-2`, `base-3`… when the name is taken in `space` (compared ignoring case,
  /// so files stay distinct on case-insensitive file systems).
  mutating func unique(_ base: String, in space: String) -> String {
    var candidate = base
    var counter = 2
    while taken[space, default: []].contains(candidate.lowercased()) {
      candidate = "\(base)-\(counter)"
      counter += 1
    }
    taken[space, default: []].insert(candidate.lowercased())
    return candidate
  }
}
