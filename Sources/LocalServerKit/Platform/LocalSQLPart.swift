/// A platform's part whose organizations each keep SQL tables of their own (HeHo's tables):
/// where `heho local sql` runs, for example a `CREATE TABLE` to connect later. A platform
/// whose rows live only in the shared database has none, and SQL is refused there.
package protocol LocalSQLPart: LocalPlatformPart {
  /// Runs `sql` in `organization`'s own database; a failure is a
  /// `LocalPlatformError.sqlFailed` carrying SQLite's message.
  func execute(sql: String, organization: Organization) async throws
}
