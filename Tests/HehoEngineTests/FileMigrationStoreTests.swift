import Foundation
import HehoEngine
import HehoManifest
import Testing

@Suite("Backups and journals are files under .heho/, written whole")
struct FileMigrationStoreTests {
  static func journal(_ backup: String) -> MigrationJournal {
    let table = ResourceAddress(kind: "table", name: "faq")
    let source = RecordSource(address: table, container: table, keyField: "id")
    return MigrationJournal(
      address: table, platform: "heho", backup: backup, records: 2, phase: .backedUp,
      started: "2026-12-03T00:00:00Z", payload: ["tableName": .string("faq")],
      migration: MigrationPlan(source: source, target: source, carried: ["id"]))
  }

  @Test func aBackupAndAJournalRoundTripAndASecondStartIsRefused() throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-store-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let store = FileMigrationStore(root: root)
    #expect(try store.journals().isEmpty, "no directory: no journal")
    let rows: [[String: Value]] = [
      ["id": .int(1), "answer": .string("a \"quoted\"\nline")], ["id": .int(2), "n": .double(1.5)],
    ]
    let table = ResourceAddress(kind: "table", name: "faq")
    let path = try store.backup(rows, of: table)
    #expect(path.hasPrefix(".heho/backups/faq-") && path.hasSuffix(".jsonl"), "\(path)")
    #expect(try store.records(inBackup: path) == rows)
    try store.start(Self.journal(path))
    #expect(throws: MigrationStoreError.self) { try store.start(Self.journal(path)) }
    var journal = Self.journal(path)
    journal.phase = .dropped
    try store.write(journal)
    #expect(try store.journals() == [journal])
    try store.close(journal)
    #expect(try store.journals().isEmpty)
    #expect(try store.records(inBackup: path).count == 2, "the backup is kept")
    let leftovers = try FileManager.default.contentsOfDirectory(
      atPath: root.appendingPathComponent(".heho/migrations").path)
    #expect(leftovers.isEmpty, "no temporary file is left: \(leftovers)")
  }
}
