import HehoManifest
import Synchronization

/// A migration store in memory, for tests: journals and backups in a dictionary behind a lock.
public final class InMemoryMigrationStore: MigrationStore {
  private let state = Mutex<
    (journals: [String: MigrationJournal], backups: [String: [[String: Value]]])
  >(
    ([:], [:]))

  /// Creates an empty store.
  public init() {}

  public func journals() throws -> [MigrationJournal] {
    state.withLock { state in state.journals.keys.sorted().compactMap { state.journals[$0] } }
  }

  public func start(_ journal: MigrationJournal) throws {
    let key = Self.key(journal)
    try state.withLock { state in
      guard state.journals[key] == nil else {
        throw MigrationStoreError("\(journal.address) already has a migration journal")
      }
      state.journals[key] = journal
    }
  }

  public func write(_ journal: MigrationJournal) throws {
    state.withLock { $0.journals[Self.key(journal)] = journal }
  }

  public func close(_ journal: MigrationJournal) throws {
    state.withLock { _ = $0.journals.removeValue(forKey: Self.key(journal)) }
  }

  public func backup(_ records: [[String: Value]], of address: ResourceAddress) throws -> String {
    state.withLock { state in
      let path = ".heho/backups/\(address.name)-\(state.backups.count + 1).jsonl"
      state.backups[path] = records
      return path
    }
  }

  public func records(inBackup path: String) throws -> [[String: Value]] {
    guard let records = state.withLock({ $0.backups[path] }) else {
      throw MigrationStoreError("\(path): no such backup")
    }
    return records
  }

  /// Where a journal is kept: one per resource and platform.
  static func key(_ journal: MigrationJournal) -> String {
    "\(journal.platform) \(journal.address)"
  }

  /// The paths of every backup written.
  public var backups: [String] { state.withLock { $0.backups.keys.sorted() } }
}
