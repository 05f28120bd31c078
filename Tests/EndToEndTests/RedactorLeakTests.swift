import PlatformKit
import Testing

/// `Redactor` finds a secret in each form an error body may quote it in, and nothing else.
@Suite struct RedactorLeakTests {
  static let secret = "sk/LEAK+KEY=value/42=="

  @Test(arguments: [
    ("plain", "sk/LEAK+KEY=value/42=="),
    ("JSON-escaped", #"sk\/LEAK+KEY=value\/42=="#),
    ("JSON-escaped twice", #"sk\\\/LEAK+KEY=value\\\/42=="#),
    ("unicode-escaped", #"sk\u002FLEAK\u002bKEY\u003dvalue\u002f42=="#),
    ("percent-encoded", "sk%2FLEAK%2BKEY%3Dvalue%2F42%3D%3D"),
    ("percent-encoded, lower-case", "sk%2fLEAK%2bKEY%3dvalue%2f42%3d%3d"),
    ("percent-encoded but /", "sk/LEAK%2BKEY%3Dvalue/42%3D%3D"),
    ("percent-encoded JSON", "sk%5C%2FLEAK%2BKEY%3Dvalue%5C%2F42%3D%3D"),
    (
      "every byte percent-encoded",
      "%73%6B%2F%4C%45%41%4B%2B%4B%45%59%3D%76%61%6C%75%65%2F%34%32%3D%3D"
    ),
  ])
  func everyFormIsRedacted(form: String, text: String) {
    let redactor = Redactor(secrets: [Self.secret])
    let redacted = redactor.redact("before \(text) after")
    #expect(redacted == "before [redacted] after", "\(form)")
  }

  @Test func quotesBackslashesSpacesAndNonASCIIAreFoundEscaped() {
    let secret = #"pä ss\w"ord"#
    let redactor = Redactor(secrets: [secret])
    for text in [
      secret, #"pä ss\\w\"ord"#, #"p\u00e4 ss\\w\"ord"#, "p%C3%A4+ss%5Cw%22ord",
      "p%c3%a4%20ss%5C%5Cw%5C%22ord",
    ] {
      #expect(redactor.redact("[\(text)]") == "[[redacted]]", "\(text)")
    }
  }

  @Test func whatIsNotTheSecretIsLeftAlone() {
    let redactor = Redactor(secrets: [Self.secret, "abc"])
    for text in [
      "sk/leak+key=value/42==", "sk/LEAK+KEY=value/42", "sk%2GLEAK+KEY=value/42==",
      "sk|LEAK+KEY=value/42==", "abc: a value of three characters is no secret", "",
    ] {
      #expect(redactor.redact(text) == text, "\(text)")
    }
    #expect(redactor.secrets == [Self.secret])
  }

  @Test func everyOccurrenceOfEverySecretIsReplacedTheLongestFirst() {
    let redactor = Redactor(secrets: ["short-secret", "short-secret-and-more"])
    let text = "a short-secret-and-more, b short-secret, c short%2Dsecret."
    #expect(redactor.redact(text) == "a [redacted], b [redacted], c [redacted].")
  }
}
