/// ANSI styling that becomes plain text when color is off.
struct Style: Sendable {
  var color: Bool

  func paint(_ text: String, _ code: String) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  func bold(_ text: String) -> String { paint(text, "1") }
  func dim(_ text: String) -> String { paint(text, "2") }
  func red(_ text: String) -> String { paint(text, "31") }
  func green(_ text: String) -> String { paint(text, "32") }
  func yellow(_ text: String) -> String { paint(text, "33") }
  func magenta(_ text: String) -> String { paint(text, "35") }
  func cyan(_ text: String) -> String { paint(text, "36") }
}
