import Foundation
import PlatformRegistry
import Testing

@testable import HeHoLocalServer
@_spi(Testing) @testable import LocalServerKit

/// A database folder is only served whole: organization files without the main file that holds
/// their organizations and keys are refused, naming both, before anything is written.
@Suite struct DatabaseFolderTests {
  /// A folder whose platform made a table in the default organization's own file, stopped.
  static func folderWithATable() async throws -> (directory: URL, main: String) {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-folder-\(UUID().uuidString)")
    let main = directory.appendingPathComponent("local.sqlite").path
    let platform = try await LocalPlatform.start(LocalPlatformConfiguration(databasePath: main))
    try await platform.execute(
      sql: "CREATE TABLE kept (id INTEGER PRIMARY KEY)", organization: "default")
    try await platform.shutdown()
    return (directory, main)
  }

  /// Removes the main file as a lost or mistyped file would leave the folder (with its WAL).
  static func removeMainFile(_ main: String) throws {
    for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: main + suffix) {
      try FileManager.default.removeItem(atPath: main + suffix)
    }
  }

  @Test func organizationFilesWithoutTheMainFileAreRefusedNamingBoth() async throws {
    let (directory, main) = try await Self.folderWithATable()
    defer { try? FileManager.default.removeItem(at: directory) }
    let organizationFiles = DatabaseFolder.organizationFiles(besideMainFile: main)
    // The case under test really arose: the table went to a file of its own.
    try #require(organizationFiles.count == 1, "\(organizationFiles)")
    try Self.removeMainFile(main)

    let refused = await #expect(throws: DatabaseFolderError.self) {
      try await LocalPlatform.start(LocalPlatformConfiguration(databasePath: main))
    }
    let message = try #require(refused).description
    #expect(message.contains("main database file \(main) is missing"), "\(message)")
    #expect(message.contains(organizationFiles[0]), "\(message)")
    #expect(message.contains("Restore \(main)"), "\(message)")
    #expect(message.contains("remove \(main)-orgs to start empty"), "\(message)")
    #expect(!FileManager.default.fileExists(atPath: main), "a refused start created the main file")
    // Offline administration (`heho local keys create`, `heho local sql`) refuses it too.
    await #expect(throws: DatabaseFolderError.self) {
      try await LocalPlatform.createAPIKey(organization: "default", databasePath: main)
    }
    #expect(!FileManager.default.fileExists(atPath: main))
  }

  @Test func aWholeFolderOrOneWithoutOrganizationFilesStarts() async throws {
    let (directory, main) = try await Self.folderWithATable()
    defer { try? FileManager.default.removeItem(at: directory) }
    // Whole: served, and the organization's table is read from its file.
    let whole = try await LocalPlatform.start(LocalPlatformConfiguration(databasePath: main))
    try await whole.execute(sql: "INSERT INTO kept (id) VALUES (1)", organization: "default")
    try await whole.shutdown()
    // Nothing left of the organizations either: a fresh start, as the error suggests.
    try Self.removeMainFile(main)
    try FileManager.default.removeItem(atPath: main + "-orgs")
    let fresh = try await LocalPlatform.start(LocalPlatformConfiguration(databasePath: main))
    await #expect(throws: LocalPlatformError.self) {
      try await fresh.execute(sql: "INSERT INTO kept (id) VALUES (2)", organization: "default")
    }
    try await fresh.shutdown()
    #expect(FileManager.default.fileExists(atPath: main))
  }
}
