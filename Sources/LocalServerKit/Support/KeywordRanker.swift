import Foundation

/// Finds the passage that best answers a message, by keyword overlap: the local platforms'
/// grounded replies (a BotHero bot's documents, the rows a HeHo chatbot may read), which run no
/// model.
package enum KeywordRanker {
  package static let stopWords: Set<String> = [
    "the", "and", "are", "you", "your", "what", "when", "where", "which", "who", "how", "why",
    "for", "with", "this", "that", "from", "have", "has", "can", "does", "did", "was", "were",
    "will", "would", "could", "should", "about", "there", "their", "they", "them", "our", "any",
    "not", "but", "all", "is", "do", "of", "to", "in", "on", "at", "it", "me", "my", "we", "us",
  ]

  /// The lower-cased words of `text` worth matching (three letters or more, no stop words).
  package static func terms(_ text: String) -> Set<String> {
    var words: Set<String> = []
    var current = ""
    for character in text.lowercased() {
      if character.isLetter || character.isNumber {
        current.append(character)
      } else {
        if current.count >= 3 && !stopWords.contains(current) { words.insert(current) }
        current = ""
      }
    }
    if current.count >= 3 && !stopWords.contains(current) { words.insert(current) }
    return words
  }

  /// The passages of a document: its paragraphs (split at blank lines), each at most 500
  /// characters. A paragraph of Markdown headings alone (`# Opening hours`) is no passage:
  /// it names a section, it answers nothing, and quoting it would hide the paragraph that does.
  package static func passages(_ text: String) -> [String] {
    text.replacingOccurrences(of: "\r\n", with: "\n")
      .components(separatedBy: "\n\n")
      .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
      .filter { !$0.isEmpty && !isHeadings($0) }
      .map { $0.count > 500 ? String($0.prefix(500)) + "…" : $0 }
  }

  /// Whether every line of `paragraph` is a Markdown ATX heading (one to six `#`, a space).
  static func isHeadings(_ paragraph: String) -> Bool {
    paragraph.components(separatedBy: "\n").allSatisfy { line in
      let marks = line.prefix { $0 == "#" }.count
      return (1...6).contains(marks) && line.dropFirst(marks).first == " "
    }
  }

  /// The best passage for `message` and the document it is from; `nil` when no passage shares
  /// a word with it. Ties go to the earlier passage.
  package static func best(
    for message: String, in documents: [(name: String, text: String)]
  ) -> (document: String, passage: String)? {
    let wanted = terms(message)
    guard !wanted.isEmpty else { return nil }
    var best: (score: Int, document: String, passage: String)?
    for document in documents {
      for passage in passages(document.text) {
        let score = terms(passage).intersection(wanted).count
        if score > 0 && score > (best?.score ?? 0) {
          best = (score, document.name, passage)
        }
      }
    }
    return best.map { ($0.document, $0.passage) }
  }
}
