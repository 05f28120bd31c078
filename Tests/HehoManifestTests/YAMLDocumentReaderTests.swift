import Testing

@testable import HehoManifest

@Suite("YAML documents read from libyaml events")
struct YAMLDocumentReaderTests {
  func read(_ text: String) -> (documents: [YAMLNode], messages: [String]) {
    let (documents, diagnostics) = YAMLDocumentReader(file: "m.yaml").read(text)
    return (documents.map(\.root), diagnostics.map(\.description))
  }

  func position(_ node: YAMLNode?) -> String? {
    node.map { "\($0.location.line):\($0.location.column)" }
  }

  @Test func mappingsKeepOrderAndPositions() throws {
    let (documents, messages) = read("b: 1\na:\n  - x\n  - 'y'\né: z\n")
    #expect(messages.isEmpty)
    let root = try #require(documents.first)
    #expect(root.entries?.map(\.key) == ["b", "a", "é"])
    #expect(
      root.entries?.map { "\($0.keyLocation.line):\($0.keyLocation.column)" } == [
        "1:1", "2:1", "5:1",
      ])
    guard case .sequence(let items) = root.entry("a")?.value.content else {
      Issue.record("not a list")
      return
    }
    #expect(items.map { position($0) } == ["3:5", "4:5"])
    #expect(position(root.entry("é")?.value) == "5:4")
  }

  @Test func scalarsAreTypedByStyleAndTag() throws {
    let text = """
      plain: 12
      quoted: '12'
      word: yes
      tagged: !!str 12
      bang: ! 12
      float: !!float 3
      block: |
        two
        lines
      folded: >
        one line
      multi: a

        b
      """
    let root = try #require(read(text).documents.first)
    func content(_ key: String) -> YAMLNode.Content? { root.entry(key)?.value.content }
    guard case .scalar(.int(12), "12", true) = content("plain") else {
      Issue.record("plain: \(String(describing: content("plain")))")
      return
    }
    guard case .scalar(.string("12"), _, false) = content("quoted"),
      case .scalar(.string("yes"), _, true) = content("word"),
      case .scalar(.string("12"), _, true) = content("tagged"),
      case .scalar(.string("12"), _, false) = content("bang"),
      case .scalar(.double(3), _, false) = content("float"),
      case .scalar(.string("two\nlines\n"), _, false) = content("block"),
      case .scalar(.string("one line\n"), _, false) = content("folded"),
      case .scalar(.string("a\nb"), _, false) = content("multi")
    else {
      Issue.record("unexpected scalars: \(root)")
      return
    }
  }

  @Test func unsupportedTagsRefuseTheirDocumentOnly() {
    let (documents, messages) = read("a: !!binary aGk=\n---\nb: 1\n")
    #expect(documents.count == 1)
    #expect(
      messages == [
        "m.yaml:1:4: error: YAML tag 'tag:yaml.org,2002:binary' is not supported here; remove the tag"
      ])
  }

  @Test func aliasesReuseTheAnchoredNode() throws {
    let (documents, messages) = read("a: &list [1, 2]\nb: *list\nc: &s x\nd: *s\n")
    #expect(messages.isEmpty)
    let root = try #require(documents.first)
    guard case .sequence(let items) = root.entry("b")?.value.content else {
      Issue.record("not a list")
      return
    }
    #expect(items.map { position($0) } == ["1:11", "1:14"])
    #expect(root.entry("d")?.value.string == "x")
    #expect(position(root.entry("d")?.value) == "3:4")
  }

  @Test func aliasBombsStopAtTheNodeBudget() {
    var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...12 {
      let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
      text += "a\(level): &a\(level) [\(refs)]\n"
    }
    let (documents, messages) = read(text)
    #expect(documents.isEmpty)
    #expect(messages.count == 1)
    #expect(messages.first?.contains("document expands to more than 100000 nodes") == true)
  }

  @Test func aliasesDeeperThanTheCapAreRefusedWhereTheyExpand() {
    let nested = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
    let deep = String(repeating: "[", count: 30) + "*a" + String(repeating: "]", count: 30)
    let (_, messages) = read("a: &a \(nested)\nb: \(deep)\n")
    #expect(messages.count == 1)
    #expect(messages.first?.contains("nesting deeper than 64 levels") == true)
    #expect(messages.first?.hasPrefix("m.yaml:1:") == true)
  }

  @Test(arguments: [
    ("x: &a k\n? *a\n: 1\n", "m.yaml:2:3:"), ("x: &a k\ny: {*a: 1}\n", "m.yaml:2:5:"),
    ("x: &a k\n*a : 1\n", "m.yaml:2:1:"), ("x: &a [1]\ny: [z, *a: 1]\n", "m.yaml:2:8:"),
  ])
  func aliasesAsKeysAreRefused(text: String, position: String) {
    let (documents, messages) = read(text)
    #expect(documents.isEmpty)
    #expect(
      messages == [
        "\(position) error: the alias '*a' is used as a mapping key; aliases are not supported "
          + "as keys: write the key out"
      ])
  }

  @Test func undefinedAliasesAreSyntaxErrors() {
    #expect(
      read("a: *nowhere\n").messages == ["m.yaml:1:4: error: invalid YAML: found undefined alias"])
  }

  @Test func complexKeysAreRefused() {
    let (_, messages) = read("? [a, b]\n: 1\n")
    #expect(
      messages == ["m.yaml:1:3: error: mapping keys must be plain strings, found a complex key"])
  }

  @Test func duplicateKeysPointAtTheSecondKey() {
    let (documents, messages) = read("top:\n  b: 1\n  a: 2\n  b: 3\n  a: 4\n")
    #expect(documents.isEmpty)
    #expect(
      messages == [
        "m.yaml:5:3: error: duplicate key 'a' (first at 3:3); YAML would silently keep only the "
          + "last value: remove or rename one"
      ])
  }

  @Test func duplicateKeysInLargeMappingsAreFound() {
    let text = (0..<40).map { "key\($0): \($0)\n" }.joined() + "key7: again\n"
    #expect(
      read(text).messages.first?.hasPrefix("m.yaml:41:1: error: duplicate key 'key7'") == true)
  }

  @Test func documentsBeforeASyntaxErrorAreKept() {
    let (documents, messages) = read("a: 1\n---\nb: 2\n---\nc: [3\n")
    #expect(documents.count == 2)
    #expect(messages.count == 1)
    #expect(messages.first?.contains("invalid YAML") == true)
  }

  @Test func emptyDocumentsAndFilesWarn() {
    #expect(
      read("---\n---\na: 1\n").messages == ["m.yaml:2:1: warning: empty document skipped"])
    #expect(
      read("# nothing\n").messages == [
        "m.yaml:1:1: warning: file contains no YAML documents; nothing to load"
      ])
    #expect(read("").documents.isEmpty)
  }

  @Test func controlCharactersAreReaderErrors() {
    let (_, messages) = read("a: 1\nb: x\u{1}y\n")
    #expect(
      messages.first?.hasPrefix("m.yaml:2:5: error: cannot read YAML: control characters") == true)
  }

  @Test func laterDocumentsMayUseEarlierAnchors() throws {
    let (documents, messages) = read("a: &v 5\n---\nb: *v\n")
    #expect(messages.isEmpty)
    guard case .scalar(.int(5), _, _) = documents.last?.entry("b")?.value.content else {
      Issue.record("alias not expanded: \(documents)")
      return
    }
  }
}
