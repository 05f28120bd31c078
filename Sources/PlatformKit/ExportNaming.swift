/// Names for the files and resources an export writes, shared by every platform's exporter:
/// valid per the manifests' rules, unique, stable.
///
/// Live names are display text (`Support!`, `Support?`), while file names and resource names
/// allow only a few characters, so two live names can give the same slug. Each exporter keeps
/// one `ExportNaming` per export and asks it for every name, so a repeated slug gets `-2`,
/// `-3`… instead of one file overwriting another.
public struct ExportNaming: Sendable {
  private var taken: [String: Set<String>] = [:]

  /// Creates a naming with no name taken.
  public init() {}

  /// `text` lower-cased with anything outside `a-z 0-9 . _ -` turned into `-`, runs of `-`
  /// collapsed, leading and trailing `-` and `.` dropped, at most 200 characters, and
  /// `fallback` when nothing is left.
  public static func slug(_ text: String, fallback: String) -> String {
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
  /// so files stay distinct on case-insensitive file systems). The answer is taken from then on.
  public mutating func unique(_ base: String, in space: String) -> String {
    var candidate = base
    var counter = 2
    while taken[space, default: []].contains(candidate.lowercased()) {
      candidate = "\(base)-\(counter)"
      counter += 1
    }
    taken[space, default: []].insert(candidate.lowercased())
    return candidate
  }

  /// The slug of `text` made unique in `space`: the name of one resource's file.
  public mutating func name(_ text: String, fallback: String, in space: String) -> String {
    unique(Self.slug(text, fallback: fallback), in: space)
  }
}
