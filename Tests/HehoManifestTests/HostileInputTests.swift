import Foundation
import HehoManifest
import Testing

@Suite("Hostile input gets positioned diagnostics, never a crash")
struct HostileInputTests {
  func loadFile(_ text: String) throws -> LoadResult {
    let files = try TemporaryManifests(["m.yaml": text])
    return files.load()
  }

  @Test func aliasBombIsRefused() throws {
    var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...9 {
      let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
      text += "a\(level): &a\(level) [\(refs)]\n"
    }
    let result = try loadFile(text)
    result.expectOneError("expands to more than 100000 nodes")
    #expect(result.errors.first?.location?.line != nil)
  }

  @Test(arguments: [70, 5000])
  func deepNestingIsRefused(depth: Int) throws {
    let text =
      "spec: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    let result = try loadFile(text)
    result.expectMessage("nesting deeper than")
  }

  @Test func bigFileIsRefused() throws {
    let text = "# " + String(repeating: "x", count: YAMLLimits.maxFileBytes) + "\n"
    let result = try loadFile(text)
    result.expectMessage("m.yaml:1:1: error: file is")
    result.expectMessage("limited to 1048576 bytes")
  }

  @Test func invalidUTF8IsPositioned() throws {
    let files = try TemporaryManifests([:])
    var data = Data("apiVersion: heho/v1\nkind: Ta".utf8)
    data.append(contentsOf: [0xFF, 0xFE])
    data.append(Data("ble\n".utf8))
    try files.write("m.yaml", data)
    let result = files.load()
    result.expectOneError("m.yaml:2:9: error: invalid UTF-8 (byte 0xFF")
  }

  @Test func tabsInIndentationArePositioned() throws {
    let result = try loadFile("apiVersion: heho/v1\nkind: Table\nmetadata:\n\tname: x\n")
    result.expectMessage("m.yaml:4:1: error: tab character in indentation")
  }

  @Test func duplicateKeysAreErrorsAtTheSecondKey() throws {
    let text = Fixtures.chatbot("bot", extra: "  tone: friendly\n  tone: strict\n")
    let result = try loadFile(text)
    result.expectMessage("m.yaml:10:3: error: duplicate key 'tone' (first at 9:3)")
  }

  @Test(arguments: ["", "\n\n", "# only a comment\n", "---\n---\n"])
  func emptyFilesWarn(text: String) throws {
    let result = try loadFile(text)
    #expect(!result.hasErrors)
    #expect(result.diagnostics.contains { $0.severity == .warning })
    #expect(result.state?.resources.isEmpty == true)
  }

  @Test func syntaxErrorsCarryPositions() throws {
    let result = try loadFile("apiVersion: heho/v1\nkind: [Table\n")
    #expect(result.errors.count == 1)
    #expect(result.errors.first?.location?.file == "m.yaml" || result.errors.first?.location != nil)
    result.expectMessage("invalid YAML")
  }

  @Test func controlCharactersAreRefused() throws {
    let result = try loadFile("apiVersion: heho/v1\nkind: Tab\u{1}le\n")
    #expect(result.hasErrors)
  }

  @Test func yaml11BooleansStayStrings() throws {
    let text = Fixtures.documents(
      Fixtures.chatbot("no"), Fixtures.table("t"),
      Fixtures.permission("p", chatbot: "no", table: "t"))
    let result = try loadFile(text)
    #expect(!result.hasErrors, "\(result.messages)")
  }
}

@Suite("Aliases used as mapping keys")
struct AliasKeyTests {
  @Test func aliasBombAsKeyIsRefused() throws {
    var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...7 {
      let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
      text += "a\(level): &a\(level) [\(refs)]\n"
    }
    text += "? *a7\n: 1\n? *a6\n: 2\n"
    let files = try TemporaryManifests(["m.yaml": text])
    let result = files.load()
    result.expectOneError("m.yaml:9:3: error: the alias '*a7' is used as a mapping key")
  }

  @Test(arguments: ["{*a: 1}", "- *a : 1", "[x, *a: 1]"])
  func otherAliasKeyForms(form: String) throws {
    let files = try TemporaryManifests(["m.yaml": "x: &a [1]\ny:\n  \(form)\n"])
    #expect(files.load().messages.contains("is used as a mapping key"))
  }

  @Test func proseWithStarsIsNotAnAlias() throws {
    let files = try TemporaryManifests(["m.yaml": "x: |\n  *Note*: be kind & brief\n"])
    #expect(!files.load().messages.contains("alias"))
  }
}
