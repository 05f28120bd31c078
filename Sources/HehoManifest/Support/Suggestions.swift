/// "Did you mean" suggestions by edit distance.
public enum Suggestions {
  /// The candidate closest to `input` (case-insensitive Levenshtein distance), if close enough
  /// to be a likely typo.
  public static func closest(to input: String, among candidates: [String]) -> String? {
    let lowered = input.lowercased()
    let limit = max(1, min(3, (input.count + 1) / 3))
    var best: (String, Int)?
    for candidate in candidates {
      let distance = editDistance(lowered, candidate.lowercased())
      if distance <= limit, distance < (best?.1 ?? Int.max) {
        best = (candidate, distance)
      }
    }
    return best?.0
  }

  /// `; did you mean 'X'?` or an empty string.
  public static func didYouMean(_ input: String, among candidates: [String]) -> String {
    closest(to: input, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
  }

  /// The Levenshtein distance between two strings, by Unicode scalars.
  public static func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let left = Array(lhs.unicodeScalars)
    let right = Array(rhs.unicodeScalars)
    if left.isEmpty { return right.count }
    if right.isEmpty { return left.count }
    var previous = Array(0...right.count)
    var current = previous
    for row in 1...left.count {
      current[0] = row
      for column in 1...right.count {
        let cost = left[row - 1] == right[column - 1] ? 0 : 1
        current[column] = min(
          previous[column] + 1, current[column - 1] + 1, previous[column - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[right.count]
  }
}
