import Foundation
import LocalServerKit

extension Webhook {
  /// Applies a create's or an update's fields; 400 naming the field on anything invalid.
  ///
  /// - Parameter botExists: Whether the organization has a bot with this ID.
  /// - Returns: The generated secret, when a create gave none (shown once).
  mutating func apply(
    _ fields: [String: JSONValue], creating: Bool,
    botExists: (String) async throws -> Bool
  ) async throws -> String? {
    let check = FieldCheck(fields: fields, what: "webhook")
    try check.known(["name", "url", "events", "bot_id", "active", "secret"])
    if creating {
      for required in ["name", "url", "events"] where fields[required] == nil {
        throw LocalAPIError.badRequest("\(required) is required", field: required)
      }
    }
    if let name = try check.string("name", length: 1...100) { self.name = name }
    if let url = try check.string("url", length: 1...2048) {
      guard let parsed = URLComponents(string: url), ["http", "https"].contains(parsed.scheme),
        !(parsed.host ?? "").isEmpty
      else {
        throw LocalAPIError.badRequest(
          "url must be an http or https URL with a host (got '\(url.prefix(100))')", field: "url")
      }
      self.url = url
    }
    if let value = fields["events"] { events = try Self.events(from: value) }
    if let value = fields["bot_id"] {
      switch value {
      case .null: botID = nil
      case .string(let id):
        guard try await botExists(id) else {
          throw LocalAPIError.notFound(
            "no bot with id '\(id.prefix(100))' in this organization", field: "bot_id")
        }
        botID = id
      default: throw LocalAPIError.badRequest("bot_id must be a string or null", field: "bot_id")
      }
    }
    if let flag = try check.bool("active") { active = flag }
    if let given = try check.string("secret", length: 8...256) {
      secret = given
      secretSalt = LocalID.make("", length: 12)
      return nil
    }
    guard creating else { return nil }
    secret = LocalID.make("whsec_", length: 32)
    return secret
  }

  private static func events(from value: JSONValue) throws -> [String] {
    guard case .array(let items) = value, !items.isEmpty else {
      throw LocalAPIError.badRequest(
        "events must be a non-empty array of event names: \(Self.events.joined(separator: ", "))",
        field: "events")
    }
    var names: [String] = []
    for (index, item) in items.enumerated() {
      guard case .string(let name) = item, Self.events.contains(name) else {
        throw LocalAPIError.badRequest(
          "events[\(index)] is not an event; use one of \(Self.events.joined(separator: ", "))",
          field: "events")
      }
      if !names.contains(name) { names.append(name) }
    }
    return names
  }
}
