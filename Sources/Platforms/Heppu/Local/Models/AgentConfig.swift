import HeppuProvider
import LocalServerKit

/// An agent's `config`: voice settings for voice agents, widget settings for chat agents, each
/// checked against the contract's ranges.
struct AgentConfig {
  let type: String

  /// The settings of a new agent of `type`, as the catalog gives them.
  static func defaults(for type: String) -> [String: JSONValue] {
    AgentCatalog.defaultConfig(for: type).mapValues { value in
      switch value {
      case .double(let number): .number(number)
      case .array(let elements): .array(elements.compactMap(\.stringValue).map(JSONValue.string))
      default: .string(value.stringValue ?? "")
      }
    }
  }

  /// `current` with the members of `value` set (a PATCH changes the keys it names), or a 400
  /// naming the member (`config.speed`).
  func merged(_ value: JSONValue, into current: [String: JSONValue]) throws -> [String: JSONValue] {
    guard case .object(let members) = value else {
      throw LocalAPIError.badRequest("config must be an object", field: "config")
    }
    let keys = AgentCatalog.configKeys(for: type)
    var config = current
    for (key, member) in members.sorted(by: { $0.key < $1.key }) {
      let field = "config.\(key)"
      guard keys.contains(key) else {
        let other = type == "voice" ? "chat" : "voice"
        let hint =
          AgentCatalog.configKeys(for: other).contains(key)
          ? "'\(key)' is a \(other) agent setting; this agent is \(type)"
          : "unknown setting '\(key)'; \(type) agents have \(keys.joined(separator: ", "))"
        throw LocalAPIError.badRequest(hint, field: field)
      }
      config[key] = try checked(key, member, field: field)
    }
    return config
  }

  func checked(_ key: String, _ value: JSONValue, field: String) throws -> JSONValue {
    func choice(_ allowed: [String]) throws -> JSONValue {
      guard case .string(let text) = value, allowed.contains(text) else {
        throw LocalAPIError.badRequest(
          "\(field) must be one of \(allowed.joined(separator: ", "))", field: field)
      }
      return value
    }
    func number(_ range: ClosedRange<Double>) throws -> JSONValue {
      let check = FieldCheck(fields: [field: value], what: "config")
      return .number(try check.number(field, in: range) ?? 0)
    }
    switch key {
    case "voice": return try choice(AgentCatalog.voices)
    case "speed": return try number(AgentCatalog.speed)
    case "interruptionThreshold": return try number(AgentCatalog.interruptionThreshold)
    case "theme": return try choice(AgentCatalog.themes)
    case "position": return try choice(AgentCatalog.positions)
    case "allowedDomains":
      guard case .array(let elements) = value, elements.count <= AgentCatalog.maximumDomains,
        elements.allSatisfy({
          if case .string(let host) = $0 { AgentCatalog.isDomain(host) } else { false }
        })
      else {
        throw LocalAPIError.badRequest(
          "\(field) must be at most \(AgentCatalog.maximumDomains) host names such as "
            + "shop.example.com or *.example.com", field: field)
      }
      return value
    default:
      guard case .string(let text) = value, AgentCatalog.isColor(text) else {
        throw LocalAPIError.badRequest("\(field) must be a color as #RRGGBB", field: field)
      }
      return value
    }
  }
}
