import Foundation

/// Any JSON value, for row data, filters and free-form request fields.
package enum JSONValue: Sendable, Hashable, Codable {
  case null
  case bool(Bool)
  case integer(Int64)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  package init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Int64.self) {
      self = .integer(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  package func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .integer(let value): try container.encode(value)
    case .number(let value): try container.encode(value)
    case .string(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }

  /// The JSON type name, for error messages ("expects a string, got number").
  package var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "boolean"
    case .integer, .number: "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }

  /// Compact JSON text with sorted keys (stable, for storage).
  package func serialized() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(self) else { return "null" }
    return String(decoding: data, as: UTF8.self)
  }

  /// Parses JSON text; `nil` when it is not JSON.
  package static func parse(_ text: String) -> JSONValue? {
    try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
  }

  /// A short description of the value for messages (strings quoted, long values cut).
  package var summary: String {
    let text: String
    switch self {
    case .string(let value): text = "'\(value)'"
    default: text = serialized()
    }
    return text.count > 60 ? String(text.prefix(57)) + "..." : text
  }
}

/// An object whose keys are written in a fixed order (rows in column order).
package struct OrderedJSONObject: Sendable, Hashable, Encodable {
  /// The members, in order.
  package var members: [(key: String, value: JSONValue)]

  /// Creates an object from its members, in order.
  package init(members: [(key: String, value: JSONValue)]) {
    self.members = members
  }

  package static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.members.map(\.key) == rhs.members.map(\.key)
      && lhs.members.map(\.value) == rhs.members.map(\.value)
  }

  package func hash(into hasher: inout Hasher) {
    for member in members {
      hasher.combine(member.key)
      hasher.combine(member.value)
    }
  }

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  package func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    for member in members {
      try container.encode(member.value, forKey: Key(stringValue: member.key))
    }
  }

  /// The value of a member, `nil` when absent.
  subscript(key: String) -> JSONValue? {
    members.first { $0.key == key }?.value
  }
}
