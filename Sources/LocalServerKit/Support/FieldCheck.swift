import Foundation

/// Reads and checks the members of a JSON request body, each failure a 400 naming the field.
package struct FieldCheck {
  package let fields: [String: JSONValue]
  /// What the body describes, for messages (`bot`).
  package let what: String
  /// Members a client may read but not write, refused by name.
  package let readOnly: [String]

  /// Creates a check of `fields`, a `what`'s members.
  package init(
    fields: [String: JSONValue], what: String,
    readOnly: [String] = ["id", "created_at", "updated_at", "secret_hint"]
  ) {
    self.fields = fields
    self.what = what
    self.readOnly = readOnly
  }

  /// Refuses members outside `known`, and the read-only ones by name.
  package func known(_ known: [String]) throws {
    for key in fields.keys.sorted() where !known.contains(key) {
      if readOnly.contains(key) {
        throw LocalAPIError.badRequest("\(key) is read-only", field: key)
      }
      throw LocalAPIError.badRequest(
        "unknown \(what) field '\(key)'; known fields: \(known.joined(separator: ", "))",
        field: key)
    }
  }

  /// A string member within `length` characters; `nil` when absent.
  package func string(_ key: String, length: ClosedRange<Int>) throws -> String? {
    guard let value = fields[key] else { return nil }
    guard case .string(let text) = value else {
      throw LocalAPIError.badRequest("\(key) must be a string", field: key)
    }
    let count = key == "name" ? text.trimmingCharacters(in: .whitespaces).count : text.count
    guard length.contains(count) else {
      throw LocalAPIError.badRequest(
        "\(key) must be \(length.lowerBound) to \(length.upperBound) characters (got \(text.count))",
        field: key)
    }
    return text
  }

  /// A number member within `range`; `nil` when absent.
  package func number(_ key: String, in range: ClosedRange<Double>) throws -> Double? {
    guard let value = fields[key] else { return nil }
    let number: Double
    switch value {
    case .integer(let whole): number = Double(whole)
    case .number(let real): number = real
    default: throw LocalAPIError.badRequest("\(key) must be a number", field: key)
    }
    guard range.contains(number) else {
      throw LocalAPIError.badRequest(
        "\(key) must be between \(range.lowerBound) and \(range.upperBound) (got \(number))",
        field: key)
    }
    return number
  }

  /// A boolean member; `nil` when absent.
  package func bool(_ key: String) throws -> Bool? {
    guard let value = fields[key] else { return nil }
    guard case .bool(let flag) = value else {
      throw LocalAPIError.badRequest("\(key) must be true or false", field: key)
    }
    return flag
  }
}
