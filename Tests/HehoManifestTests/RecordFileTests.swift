import Foundation
import Testing

@testable import HehoManifest

@Suite("Data files: CSV, JSON, JSON Lines and YAML records with positions")
struct RecordFileTests {
  func csv(_ text: String, maxField: Int = RecordFile.maxFieldBytes) -> Result<
    RecordFile, Diagnostic
  > {
    CSVRecordParser(file: "d.csv", maxFieldBytes: maxField).parse(text)
  }

  func failure(_ result: Result<RecordFile, Diagnostic>) -> Diagnostic? {
    if case .failure(let problem) = result { return problem }
    return nil
  }

  @Test func quotesCommasLineBreaksAndUTF8() throws {
    let text =
      "id,name,note\r\n1,\"Tea, green\",\"say \"\"hi\"\"\"\r\n2,Kahvi ☕,\"two\nlines\"\n3,Ünïcode,plain\n"
    let file = try csv(text).get()
    #expect(file.records.count == 3)
    #expect(file.records[0]["name"] == .string("Tea, green"))
    #expect(file.records[0]["note"] == .string("say \"hi\""))
    #expect(file.records[1]["name"] == .string("Kahvi ☕"))
    #expect(file.records[1]["note"] == .string("two\nlines"))
    #expect(file.records[2]["name"] == .string("Ünïcode"))
    // Positions: the second row starts on line 3; the third on line 5 (its predecessor's field
    // spans two lines); columns count characters, not bytes.
    #expect(file.locations[1].start.line == 3)
    #expect(file.locations[2].start.line == 5)
    #expect(
      file.locations[2].location(of: "note") == SourceLocation(file: "d.csv", line: 5, column: 11))
  }

  @Test func emptyIsNullAndQuotedEmptyIsTheEmptyString() throws {
    let file = try csv("a,b,c\n,\"\",x\n").get()
    #expect(file.records[0]["a"] == .null)
    #expect(file.records[0]["b"] == .string(""))
    #expect(file.records[0]["c"] == .string("x"))
  }

  @Test func blankLinesAndAMissingFinalLineBreakAreFine() throws {
    let file = try csv("a,b\n\n1,2\n\n3,4").get()
    #expect(file.records.map { $0["a"] } == [.string("1"), .string("3")])
    #expect(file.locations.map(\.start.line) == [3, 5])
  }

  @Test(
    arguments: [
      ("a,b\n1,\"open\n2,3\n", 2, 3, "the quote that opens this field is never closed"),
      ("a,b\n1,\"x\"y\n", 2, 6, "text after the closing quote"),
      ("a,b\n1,x\"y\n", 2, 4, "a quote inside an unquoted field"),
      ("a,b\n1,2,3\n", 2, 5, "row has 3 fields but the header has 2"),
      ("a,b\n1\n", 2, 1, "row has 1 fields but the header has 2"),
      ("a,,c\n1,2,3\n", 1, 3, "the header row has an empty column name"),
      ("a,A\n1,2\n", 1, 3, "the header names column 'A' twice"),
      ("", 1, 1, "the CSV file is empty"),
    ] as [(String, Int, Int, String)])
  func hostileCSVGetsAPositionedError(text: String, line: Int, column: Int, message: String) {
    let problem = failure(csv(text))
    #expect(problem?.location?.line == line, "\(String(describing: problem))")
    #expect(problem?.location?.column == column, "\(String(describing: problem))")
    #expect(problem?.message.contains(message) == true, "\(String(describing: problem))")
  }

  @Test func aHugeFieldIsRefusedWithoutReadingOn() {
    let quoted = "a\n\"" + String(repeating: "x", count: 5_000) + "\"\n"
    let plain = "a\n" + String(repeating: "y", count: 5_000) + "\n"
    for text in [quoted, plain] {
      let problem = failure(csv(text, maxField: 1_000))
      #expect(problem?.location == SourceLocation(file: "d.csv", line: 2, column: 1))
      #expect(problem?.message.contains("longer than 1000 bytes") == true)
    }
  }

  @Test func badUTF8IsPointedAt() throws {
    let files = try TemporaryManifests([:])
    let url = files.url.appendingPathComponent("bad.csv")
    try Data("a,b\n1,".utf8 + [0xFF, 0xFE] + Data("\n".utf8)).write(to: url)
    let manifest = files.url.appendingPathComponent("m.yaml")
    guard case .failure(let problem) = RecordFile.read("bad.csv", from: manifest) else {
      Issue.record("bad UTF-8 was read")
      return
    }
    #expect(problem.location?.line == 2)
    #expect(problem.location?.column == 3)
    #expect(problem.message.contains("invalid UTF-8"))
  }

  @Test func jsonYAMLAndJSONLinesKeepTypesAndPositions() throws {
    let files = try TemporaryManifests([:])
    try Data("[{\"id\": 1, \"tags\": [\"a\"]},\n {\"id\": 2.5, \"ok\": true}]\n".utf8).write(
      to: files.url.appendingPathComponent("r.json"))
    try Data("- id: 1\n  name: ~\n- id: 2\n  name: Tea\n".utf8).write(
      to: files.url.appendingPathComponent("r.yaml"))
    try Data("{\"id\": 1}\n\n{\"id\": 2, \"x\": null}\n".utf8).write(
      to: files.url.appendingPathComponent("r.jsonl"))
    let manifest = files.url.appendingPathComponent("m.yaml")
    let json = try RecordFile.read("r.json", from: manifest).get()
    #expect(json.records[0]["tags"] == .array([.string("a")]))
    #expect(json.records[1]["id"] == .double(2.5))
    #expect(json.locations[1].start.line == 2)
    let yaml = try RecordFile.read("r.yaml", from: manifest).get()
    #expect(yaml.records[0]["name"] == .null)
    #expect(yaml.locations[1].location(of: "name").line == 4)
    let lines = try RecordFile.read("r.jsonl", from: manifest).get()
    #expect(lines.records.count == 2)
    #expect(lines.locations[1].location(of: "x").line == 3)
  }

  @Test(
    arguments: [
      ("r.jsonl", "{\"id\": 1}\n{\"id\": \n", 2, "each line"),
      ("r.json", "{\"id\": 1}", 1, "a list of records"),
      ("r.yaml", "- 1\n- 2\n", 1, "a record must be an object"),
      ("r.txt", "id\n1\n", 1, "not a data file heho reads"),
    ] as [(String, String, Int, String)])
  func badDataFilesArePositionedErrors(name: String, text: String, line: Int, message: String)
    throws
  {
    let files = try TemporaryManifests([:])
    try Data(text.utf8).write(to: files.url.appendingPathComponent(name))
    let result = RecordFile.read(name, from: files.url.appendingPathComponent("m.yaml"))
    guard case .failure(let problem) = result else {
      Issue.record("\(name) was read")
      return
    }
    #expect(problem.location?.line == line, "\(problem)")
    #expect(problem.message.contains(message) || line == 2, "\(problem)")
  }
}

@Suite("TableData through the loader: positions in data files")
struct TableDataLoadingTests {
  static let table = """
    apiVersion: heho/v1
    kind: Table
    metadata:
      name: products
    spec:
      columns:
        - { name: sku, type: text, primaryKey: true }
        - { name: price, type: numeric, notNull: true }
        - { name: in_stock, type: boolean }
    ---
    apiVersion: heho/v1
    kind: TableData
    metadata:
      name: products
    spec:
      table: products
      file: data/rows.yaml

    """

  @Test func aCSVValueThatDoesNotFitIsAnErrorAtItsLineAndColumn() throws {
    let files = try TemporaryManifests([
      "m.yaml": Self.table.replacingOccurrences(of: "rows.yaml", with: "rows.csv"),
      "data/rows.csv": "sku,price,in_stock\nA1,2.5,yes\nB2,cheap,no\nC3,1,maybe\n",
    ])
    let result = files.load()
    let messages = result.diagnostics.map(\.description)
    #expect(
      messages.contains {
        $0.hasSuffix(
          "data/rows.csv:3:4: error: column 'price' (numeric) expects a number, got \"cheap\"")
      }, "\(messages)")
    #expect(
      messages.contains { $0.contains("data/rows.csv:4:6: error: column 'in_stock' (boolean)") },
      "\(messages)")
  }

  @Test func aYAMLDataFileUnderTheManifestsIsReadAsDataNotAsAManifest() throws {
    let files = try TemporaryManifests([
      "m.yaml": Self.table,
      "data/rows.yaml": "- { sku: A1, price: 2 }\n- { sku: B2, price: 3, in_stock: true }\n",
    ])
    let result = files.load()
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    #expect(result.files.count == 1)
    let data = try #require(result.state?.resources.first { $0.kind == "TableData" })
    #expect(data.spec["rows"]?.arrayValue?.count == 2)
  }

  @Test func aListFileNoTableDataReadsIsStillAnError() throws {
    let files = try TemporaryManifests(["stray.yaml": "- a\n- b\n"])
    let result = files.load()
    result.expectMessage("if this is a data file, name it")
  }
}

extension RecordFileTests {
  @Test func jsonLinesWithCRLFAndEmptyDataFiles() throws {
    let files = try TemporaryManifests([:])
    try Data("{\"id\": 1}\r\n{\"id\": 2}\r\n".utf8).write(
      to: files.url.appendingPathComponent("r.jsonl"))
    try Data("".utf8).write(to: files.url.appendingPathComponent("empty.yaml"))
    try Data("\n".utf8).write(to: files.url.appendingPathComponent("empty.jsonl"))
    try Data("[]".utf8).write(to: files.url.appendingPathComponent("none.json"))
    let manifest = files.url.appendingPathComponent("m.yaml")
    let lines = try RecordFile.read("r.jsonl", from: manifest).get()
    #expect(lines.records.count == 2)
    #expect(lines.locations[1].start.line == 2)
    for name in ["empty.yaml", "empty.jsonl"] {
      guard case .failure(let problem) = RecordFile.read(name, from: manifest) else {
        Issue.record("\(name) was read as no rows")
        continue
      }
      #expect(problem.message.contains("[]"), "\(problem)")
    }
    #expect(try RecordFile.read("none.json", from: manifest).get().records.isEmpty)
  }

  @Test func aLineOfCommasIsRefusedEarly() {
    let problem = failure(csv("a\n" + String(repeating: ",", count: 5_000) + "\n"))
    #expect(
      problem?.message.contains("more than 1000 fields") == true, "\(String(describing: problem))")
  }
}
