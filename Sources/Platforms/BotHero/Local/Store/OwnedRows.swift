import GRDB
import LocalServerKit

/// The `WHERE` of a query for an organization's rows, narrowed to one bot's when `botID` is
/// given (the `bot_id` filter every BotHero list takes).
struct OwnedRows {
  /// `organization_id = ?`, and `AND COLUMN = ?` for a bot.
  var condition: String
  var arguments: StatementArguments

  init(_ organization: Organization, botID: String?, column: String = "bot_id") {
    condition = "organization_id = ?"
    arguments = [organization.id]
    if let botID {
      condition += " AND \(column) = ?"
      arguments += [botID]
    }
  }
}
