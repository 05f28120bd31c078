/// Finds equal keys in a mapping as Yams did: equal text and equal tag (no tag, `!` and
/// `!!str` all mean a string).
enum YAMLDuplicateKeyFinder {
  private struct Key: Hashable {
    var text: String
    /// `nil` for a string key.
    var tag: String?
  }

  /// Mappings up to this size are compared pairwise; larger ones through a dictionary.
  private static let pairwiseLimit = 16

  /// Whether a key's tag (as the event named it) means a string.
  static func isStringTag(_ tag: String) -> Bool {
    tag.isEmpty || tag == "!" || tag == "tag:yaml.org,2002:str"
  }

  /// The duplicated key that sorts first and where it first appears, if any key repeats.
  ///
  /// - Parameter tags: The keys that are not strings, by their index in `entries`.
  static func firstDuplicate(in entries: [YAMLNode.Entry], tags: [Int: String])
    -> (key: String, first: YAMLEvent.Mark)?
  {
    guard entries.count > 1 else { return nil }
    var found: (key: String, first: Int)?
    func note(_ later: Int, equals earlier: Int) {
      let key = entries[later].key
      if found.map({ key < $0.key }) ?? true { found = (key, earlier) }
    }
    if entries.count <= pairwiseLimit {
      for later in 1..<entries.count {
        for earlier in 0..<later
        where entries[earlier].key == entries[later].key
          && (tags.isEmpty || tags[earlier] == tags[later])
        {
          note(later, equals: earlier)
          break
        }
      }
    } else {
      var seen: [Key: Int] = [:]
      seen.reserveCapacity(entries.count)
      for (index, entry) in entries.enumerated() {
        let key = Key(text: entry.key, tag: tags[index])
        if let earlier = seen[key] {
          note(index, equals: earlier)
        } else {
          seen[key] = index
        }
      }
    }
    return found.map { found in
      let location = entries[found.first].keyLocation
      return (found.key, YAMLEvent.Mark(line: location.line, column: location.column))
    }
  }
}
