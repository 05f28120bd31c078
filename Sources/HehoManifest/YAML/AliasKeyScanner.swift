import Foundation

/// Finds YAML aliases used as mapping keys before the text is parsed.
///
/// The parser hashes every mapping key to find duplicates; a key that is an alias of a huge
/// aliased structure would take exponential time there, before any node budget could apply.
/// Manifests never need such keys, so they are refused up front.
enum AliasKeyScanner {
  private static let anchorPattern = regex("(^|[\\s\\[{,])&([^\\s,\\[\\]{}]+)")
  private static let keyPatterns = [
    // `? *a` (explicit key) and `*a :` (implicit key), after indentation and list dashes.
    regex("^[ ]*(-[ ]+)*\\?[ ]+\\*(?<name>[^\\s,\\[\\]{}]+)"),
    regex("^[ ]*(-[ ]+)*\\*(?<name>[^\\s,\\[\\]{}]+)[ ]*:(\\s|$)"),
    // `{*a: 1}` and `[x, *a: 1]` in flow collections.
    regex("[{,\\[][ ]*\\*(?<name>[^\\s,\\[\\]{}]+)[ ]*:"),
    // `?` alone on a line, the alias on the next line.
    regex("^[ ]*(-[ ]+)*\\?[ ]*\\n[ ]*\\*(?<name>[^\\s,\\[\\]{}]+)"),
  ]

  /// The position of the first alias used as a key, if any (only aliases of anchors the text
  /// defines count, so prose like `*Note*: …` inside strings is not mistaken for one).
  static func firstAliasKey(in text: String) -> (line: Int, column: Int, name: String)? {
    guard text.contains("&"), text.contains("*") else { return nil }
    let range = NSRange(text.startIndex..., in: text)
    var anchors = Set<String>()
    anchorPattern?.enumerateMatches(in: text, range: range) { match, _, _ in
      if let match, let name = Range(match.range(at: 2), in: text) {
        anchors.insert(String(text[name]))
      }
    }
    guard !anchors.isEmpty else { return nil }
    var found: (offset: Int, name: String)?
    for pattern in keyPatterns.compactMap({ $0 }) {
      pattern.enumerateMatches(in: text, range: range) { match, _, stop in
        guard let match else { return }
        let nameRange = match.range(withName: "name")
        guard let name = Range(nameRange, in: text).map({ String(text[$0]) }),
          anchors.contains(name)
        else { return }
        let star = nameRange.location - 1
        if star < (found?.offset ?? Int.max) { found = (star, name) }
        stop.pointee = true
      }
    }
    guard let found, let index = Range(NSRange(location: found.offset, length: 0), in: text)
    else { return nil }
    let before = text[..<index.lowerBound]
    let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
    let column = text[lineStart..<index.lowerBound].unicodeScalars.count + 1
    return (line, column, found.name)
  }

  private static func regex(_ pattern: String) -> NSRegularExpression? {
    try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
  }
}
