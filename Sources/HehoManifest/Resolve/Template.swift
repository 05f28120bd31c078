/// A string with `${var.NAME}`, `${env.NAME}` and `${env.NAME:-default}` references;
/// `$${` stands for a literal `${`.
struct Template: Sendable {
  /// A piece of a template.
  enum Segment: Sendable, Equatable {
    case literal(String)
    /// `${var.NAME}` at a scalar offset in the text.
    case variable(String, offset: Int)
    /// `${env.NAME}` or `${env.NAME:-default}`.
    case environment(String, defaultValue: String?, offset: Int)
    /// A malformed reference and why.
    case invalid(String, offset: Int)
  }

  var segments: [Segment]

  /// Parses `text`.
  init(_ text: String) {
    let scalars = Array(text.unicodeScalars)
    var segments: [Segment] = []
    var literal = String.UnicodeScalarView()
    var index = 0
    func flush() {
      if !literal.isEmpty { segments.append(.literal(String(literal))) }
      literal = String.UnicodeScalarView()
    }
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "$", index + 2 < scalars.count, scalars[index + 1] == "$",
        scalars[index + 2] == "{"
      {
        literal.append(contentsOf: "${".unicodeScalars)
        index += 3
        continue
      }
      guard scalar == "$", index + 1 < scalars.count, scalars[index + 1] == "{" else {
        literal.append(scalar)
        index += 1
        continue
      }
      flush()
      guard let close = scalars[(index + 2)...].firstIndex(of: "}") else {
        segments.append(
          .invalid(
            "unterminated '${': close it with '}' or write '$${' for a literal '${'",
            offset: index))
        self.segments = segments
        return
      }
      let body = String(String.UnicodeScalarView(scalars[(index + 2)..<close]))
      segments.append(Self.reference(body, offset: index))
      index = close + 1
    }
    flush()
    self.segments = segments
  }

  private static func reference(_ body: String, offset: Int) -> Segment {
    if body.hasPrefix("var.") {
      let name = String(body.dropFirst(4))
      guard isName(name, allowDash: true) else {
        return .invalid("'${\(body)}' is not a valid variable reference", offset: offset)
      }
      return .variable(name, offset: offset)
    }
    if body.hasPrefix("env.") {
      let rest = body.dropFirst(4)
      var name = String(rest)
      var defaultValue: String?
      if let separator = rest.range(of: ":-") {
        name = String(rest[..<separator.lowerBound])
        defaultValue = String(rest[separator.upperBound...])
      }
      guard isName(name, allowDash: false) else {
        return .invalid("'${env.\(name)}' is not a valid environment variable name", offset: offset)
      }
      return .environment(name, defaultValue: defaultValue, offset: offset)
    }
    return .invalid(
      "'${\(body)}' is not a known reference; use ${var.NAME} or ${env.NAME} "
        + "(write '$${' for a literal '${')", offset: offset)
  }

  /// Letters, digits and underscores (and `-` for heho variables), not starting with a digit.
  static func isName(_ text: String, allowDash: Bool) -> Bool {
    guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else {
      return false
    }
    return text.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        || $0 == "_" || (allowDash && $0 == "-")
    }
  }
}
