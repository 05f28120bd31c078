import Foundation
import HehoManifest

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Keeps migrations under a project's `.heho/`: backups in `.heho/backups/NAME-TIMESTAMP.jsonl`
/// (kept after the migration) and journals in `.heho/migrations/`. Every file is written to a
/// temporary name, flushed to disk and renamed, so that a crash leaves the old file or the new
/// one, never half of one.
public struct FileMigrationStore: MigrationStore {
  /// The project's directory.
  public var root: URL

  /// Creates a store under `root` (the project's directory).
  public init(root: URL) {
    self.root = root
  }

  var journalDirectory: URL { root.appendingPathComponent(".heho/migrations", isDirectory: true) }
  var backupDirectory: URL { root.appendingPathComponent(".heho/backups", isDirectory: true) }

  public func journals() throws -> [MigrationJournal] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: journalDirectory.path)
    } catch {
      return []  // no directory: no migration ever stopped here
    }
    return try names.filter { $0.hasSuffix(".json") }.sorted().map { name in
      let url = journalDirectory.appendingPathComponent(name)
      do {
        return try JSONDecoder().decode(MigrationJournal.self, from: Data(contentsOf: url))
      } catch {
        throw MigrationStoreError(
          "\(relative(url)): the journal of a migration cannot be read (\(error)); it records "
            + "where a stopped migration resumes, so restore it, or move it away once you have "
            + "restored the table from its backup yourself")
      }
    }
  }

  public func write(_ journal: MigrationJournal) throws {
    try atomicWrite(try Self.encoded(journal), to: journalURL(journal.address, journal.platform))
  }

  public func start(_ journal: MigrationJournal) throws {
    let url = journalURL(journal.address, journal.platform)
    if FileManager.default.fileExists(atPath: url.path) {
      throw MigrationStoreError(
        "\(relative(url)): \(journal.address) already has a migration journal (another "
          + "apply's, stopped or running); plan again, which resumes it")
    }
    try atomicWrite(try Self.encoded(journal), to: url, exclusive: true)
  }

  public func close(_ journal: MigrationJournal) throws {
    let url = journalURL(journal.address, journal.platform)
    do {
      try FileManager.default.removeItem(at: url)
    } catch {
      throw MigrationStoreError(
        "\(relative(url)): the migration finished but its journal cannot be removed (\(error)); "
          + "remove it by hand")
    }
  }

  public func backup(_ records: [[String: Value]], of address: ResourceAddress) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    var data = Data()
    for record in records {
      data.append(try encoder.encode(record))
      data.append(UInt8(ascii: "\n"))
    }
    let stamp = Self.timestamp()
    var url = backupDirectory.appendingPathComponent("\(address.name)-\(stamp).jsonl")
    var suffix = 2
    while FileManager.default.fileExists(atPath: url.path) {
      url = backupDirectory.appendingPathComponent("\(address.name)-\(stamp)-\(suffix).jsonl")
      suffix += 1
    }
    try atomicWrite(data, to: url)
    return relative(url)
  }

  public func records(inBackup path: String) throws -> [[String: Value]] {
    let url = root.appendingPathComponent(path)
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw MigrationStoreError(
        "\(path): the backup of a stopped migration cannot be read (\(error)); it holds the "
          + "rows to restore: put it back where the journal says")
    }
    let decoder = JSONDecoder()
    var records: [[String: Value]] = []
    for (index, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
      do {
        records.append(try decoder.decode([String: Value].self, from: Data(line)))
      } catch {
        throw MigrationStoreError(
          "\(path):\(index + 1): this line of a migration's backup is not a JSON object "
            + "(\(error)); the backup must be as heho wrote it")
      }
    }
    return records
  }

  /// A journal as written: pretty, keys sorted (a person may read it to restore by hand).
  static func encoded(_ journal: MigrationJournal) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return try encoder.encode(journal)
  }

  func journalURL(_ address: ResourceAddress, _ platform: String) -> URL {
    journalDirectory.appendingPathComponent("\(platform)-\(address.kind)-\(address.name).json")
  }

  func relative(_ url: URL) -> String {
    let base = root.standardizedFileURL.path
    let path = url.standardizedFileURL.path
    return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
  }

  /// `20261203T170102Z`.
  static func timestamp() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withYear, .withMonth, .withDay, .withTime, .withTimeZone]
    return formatter.string(from: Date())
  }

  /// Writes `data` to a temporary file beside `url`, flushes it to disk, renames it over `url`
  /// (or, `exclusive`, links it there, failing when `url` exists) and flushes the directory.
  func atomicWrite(_ data: Data, to url: URL, exclusive: Bool = false) throws {
    let directory = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).partial")
      guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
        throw MigrationStoreError("cannot create \(relative(temporary))")
      }
      let handle = try FileHandle(forWritingTo: temporary)
      try handle.write(contentsOf: data)
      try handle.synchronize()
      try handle.close()
      if exclusive {
        defer { unlink(temporary.path) }
        guard link(temporary.path, url.path) == 0 else {
          throw MigrationStoreError(
            errno == EEXIST
              ? "a migration of it already has a journal here (another apply's)"
              : "cannot create it (errno \(errno))")
        }
      } else {
        guard rename(temporary.path, url.path) == 0 else {
          throw MigrationStoreError("cannot rename \(relative(temporary)) (errno \(errno))")
        }
      }
      let descriptor = open(directory.path, O_RDONLY)
      if descriptor >= 0 {
        _ = fsync(descriptor)
        _ = closeDescriptor(descriptor)
      }
    } catch let error as MigrationStoreError {
      throw MigrationStoreError(
        "\(relative(url)): \(error.message); a migration writes its backup and journal under "
          + ".heho/ in the project, which must be writable")
    } catch {
      throw MigrationStoreError(
        "\(relative(url)): cannot be written (\(error)); a migration writes its backup and "
          + "journal under .heho/ in the project, which must be writable")
    }
  }
}

/// Closes a file descriptor (the struct's own `close(_:)` hides the C function's name).
private func closeDescriptor(_ descriptor: Int32) -> Int32 {
  #if canImport(Glibc)
    Glibc.close(descriptor)
  #else
    Darwin.close(descriptor)
  #endif
}
