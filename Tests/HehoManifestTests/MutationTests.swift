import Foundation
import HehoManifest
import Testing

/// A small seeded generator, so every run mutates the same way.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}

@Suite("Mutated examples give diagnostics or success, never a crash")
struct MutationTests {
  static let oddText = [
    "\u{202E}", "\u{0}", "\u{FEFF}", "😀", "\u{85}", "\t", "&a", "*a", "{", "]", "'",
  ]

  static func mutate(_ text: String, _ random: inout SplitMix64) -> String {
    var lines = text.components(separatedBy: "\n")
    let line = Int.random(in: 0..<max(lines.count, 1), using: &random)
    switch Int.random(in: 0..<4, using: &random) {
    case 0:
      lines.remove(at: line)
      return lines.joined(separator: "\n")
    case 1:
      if let colon = lines[line].range(of: ": ") {
        let replacement =
          ["[1, 2]", "{a: b}", "42", "null", "true"].randomElement(using: &random) ?? "42"
        lines[line] = lines[line][..<colon.upperBound] + replacement
      }
      return lines.joined(separator: "\n")
    case 2:
      let scalars = Array(text.unicodeScalars)
      let at = Int.random(in: 0...scalars.count, using: &random)
      let odd = oddText.randomElement(using: &random) ?? "\u{0}"
      return String(String.UnicodeScalarView(scalars[..<at])) + odd
        + String(String.UnicodeScalarView(scalars[at...]))
    default:
      let scalars = Array(text.unicodeScalars)
      let at = Int.random(in: 0...scalars.count, using: &random)
      return String(String.UnicodeScalarView(scalars[..<at]))
    }
  }

  @Test(arguments: ["support-desk", "multi-env"])
  func mutatedExamplesNeverCrash(example: String) throws {
    let source = Fixtures.repositoryRoot.appendingPathComponent("examples/\(example)")
    let names = try FileManager.default.contentsOfDirectory(atPath: source.path)
      .filter { $0.hasSuffix(".yaml") }.sorted()
    var random = SplitMix64(state: 20_261_121)
    for round in 0..<60 {
      let copy = try TemporaryManifests([:])
      let files = try FileManager.default.subpathsOfDirectory(atPath: source.path)
      for file in files {
        let url = source.appendingPathComponent(file)
        var isDirectory: ObjCBool = false
        FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if !isDirectory.boolValue { try copy.write(file, try Data(contentsOf: url)) }
      }
      let target = names[round % names.count]
      let text = try String(contentsOf: source.appendingPathComponent(target), encoding: .utf8)
      try copy.write(target, Data(Self.mutate(text, &random).utf8))
      let result = copy.load(environment: example == "multi-env" ? "prod" : nil)
      if result.hasErrors {
        #expect(result.state == nil)
        #expect(result.errors.allSatisfy { $0.location != nil }, "\(result.messages)")
      } else {
        #expect(result.state != nil)
      }
    }
  }
}
