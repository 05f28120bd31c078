import Foundation
import HeHoProvider
import HehoManifest
import Testing

/// The TableData checks the manifest corpus does not reach: a table without a key, two sets of
/// rows on one table, a column given twice, and the summary past `maxProblems`.
@Suite struct TableDataRuleTests {
  static let table = """
    apiVersion: heho/v1
    kind: Table
    metadata:
      name: products
    spec:
      columns:
        - { name: sku, type: text, primaryKey: true }
        - { name: name, type: text }
    """

  /// The messages of loading `documents` (joined as one manifest file).
  func messages(_ documents: String...) throws -> [String] {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("table-data-rule-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("manifest.yaml")
    try documents.joined(separator: "\n---\n").write(to: file, atomically: true, encoding: .utf8)
    let registry = KindRegistry(groups: [HeHoDescriptor().kindGroup])
    return ManifestLoader(registry: registry).load(LoadOptions(path: file.path)).diagnostics
      .map(\.message)
  }

  func data(_ name: String, key: String? = nil, rows: [String]) -> String {
    """
    apiVersion: heho/v1
    kind: TableData
    metadata:
      name: \(name)
    spec:
      table: products\(key.map { "\n  key: \($0)" } ?? "")
      rows:
    \(rows.map { "    - \($0)" }.joined(separator: "\n"))
    """
  }

  @Test func aTableWithoutAPrimaryKeyNeedsAKey() throws {
    let table = Self.table.replacingOccurrences(of: ", primaryKey: true", with: "")
    let messages = try messages(table, data("products", rows: ["{ sku: A1 }"]))
    #expect(
      messages.contains {
        $0.contains("table 'products' declares no primary key, so set 'key' to its primary-key")
      }, "\(messages)")
  }

  @Test func twoSetsOfRowsOnOneTableAreRefused() throws {
    let messages = try messages(
      Self.table, data("first", rows: ["{ sku: A1 }"]), data("second", rows: ["{ sku: B2 }"]))
    #expect(
      messages.contains {
        $0.contains("both keep the rows of table 'products'; merge them into one TableData")
      }, "\(messages)")
  }

  @Test func aColumnGivenTwiceInOtherCaseIsRefused() throws {
    let messages = try messages(Self.table, data("products", rows: ["{ sku: A1, SKU: A2 }"]))
    #expect(
      messages.contains(
        "row gives column 'sku' twice (also as 'SKU'); column names ignore case"), "\(messages)")
  }

  @Test func problemsPastTheLimitAreSummarized() throws {
    let rows = Array(repeating: "{ name: x }", count: TableDataRule.maxProblems + 5)
    let messages = try messages(Self.table, data("products", rows: rows))
    let missingKey = messages.filter { $0 == "row has no value for its key column 'sku'" }
    #expect(missingKey.count == TableDataRule.maxProblems, "\(messages)")
    #expect(
      messages.contains {
        $0.contains("more problems in its rows after these \(TableDataRule.maxProblems)")
      }, "\(messages)")
  }
}
