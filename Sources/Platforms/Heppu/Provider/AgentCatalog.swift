import HehoManifest

/// What `docs/heppu-api-contract.md` fixes about agents: types, statuses, models, tools and the
/// ranges of their settings (the seed's values are marked there). heho validates manifests by
/// it, and HehoLocal's Heppu serves it.
public enum AgentCatalog {
  /// The agent types (seed).
  public static let types = ["voice", "chat"]
  /// The statuses (seed); `training` is the platform's own, but the API accepts it.
  public static let statuses = ["active", "inactive", "training", "deployed"]
  /// The default model of each type (seed).
  public static let defaultModels = ["voice": "gpt-realtime-2025-08-28", "chat": "gpt-4o"]
  /// The models the seed names for each type; others are accepted.
  public static let knownModels = [
    "voice": ["gpt-realtime-2025-08-28"],
    "chat": ["gpt-4o", "gpt-4o-mini", "gpt-4", "gpt-4-turbo", "gpt-3.5-turbo"],
  ]

  /// A tool an agent may use.
  public struct Tool: Encodable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var description: String
    /// The agent types that may use it.
    public var types: [String]

    enum CodingKeys: String, CodingKey { case id, name, description }

    /// Creates a tool.
    public init(id: String, name: String, description: String, types: [String]) {
      self.id = id
      self.name = name
      self.description = description
      self.types = types
    }
  }

  /// The tool catalog (contract; `web_search` is the seed's example).
  public static let tools: [Tool] = [
    Tool(
      id: "web_search", name: "Web Search", description: "Search the web for information",
      types: types),
    Tool(
      id: "knowledge_base", name: "Knowledge Base",
      description: "Answer from the organization's documents", types: types),
    Tool(
      id: "calendar_booking", name: "Calendar Booking",
      description: "Book, move and cancel appointments", types: types),
    Tool(
      id: "send_email", name: "Send Email", description: "Send an email on the caller's behalf",
      types: types),
    Tool(
      id: "transfer_call", name: "Transfer Call", description: "Transfer the call to a person",
      types: ["voice"]),
    Tool(id: "end_call", name: "End Call", description: "Hang up the call", types: ["voice"]),
    Tool(
      id: "human_handoff", name: "Human Handoff",
      description: "Hand the chat over to a person", types: ["chat"]),
  ]

  /// The voices of a voice agent (contract: the realtime API's voices).
  public static let voices = [
    "alloy", "ash", "ballad", "coral", "echo", "sage", "shimmer", "verse",
  ]
  /// A voice agent's speaking speed (contract).
  public static let speed: ClosedRange<Double> = 0.25...1.5
  /// How readily a voice agent lets a caller interrupt it (contract).
  public static let interruptionThreshold: ClosedRange<Double> = 0...1
  /// A chat widget's themes (contract).
  public static let themes = ["light", "dark", "auto"]
  /// A chat widget's positions (contract).
  public static let positions = ["bottom-right", "bottom-left"]
  /// The color fields of a chat widget (contract), `#RRGGBB`.
  public static let colorFields = ["primaryColor", "backgroundColor", "textColor"]
  /// The most domains a chat widget may be restricted to (contract).
  public static let maximumDomains = 50

  /// The settings of a new agent of `type` (contract): voice `sage`, speed 1.0, interruption
  /// threshold 0.5; chat theme `light`, `#2563eb`, `bottom-right`, no domain restriction.
  public static func defaultConfig(for type: String) -> [String: Value] {
    type == "voice"
      ? ["voice": .string("sage"), "speed": .double(1.0), "interruptionThreshold": .double(0.5)]
      : [
        "theme": .string("light"), "primaryColor": .string("#2563eb"),
        "position": .string("bottom-right"), "allowedDomains": .array([]),
      ]
  }

  /// The config keys of each type, in the order they are shown.
  public static func configKeys(for type: String) -> [String] {
    type == "voice"
      ? ["voice", "speed", "interruptionThreshold"]
      : ["theme"] + colorFields + ["position", "allowedDomains"]
  }

  /// Whether `number` is in E.164 form: `+`, a non-zero digit, then 6 to 14 digits.
  public static func isE164(_ number: String) -> Bool {
    let digits = number.utf8.dropFirst()
    return number.hasPrefix("+") && (7...15).contains(digits.count)
      && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
      && digits.first != UInt8(ascii: "0")
  }

  /// Whether `text` is `#RRGGBB`.
  public static func isColor(_ text: String) -> Bool {
    let hex = text.utf8.dropFirst()
    return text.hasPrefix("#") && hex.count == 6
      && hex.allSatisfy { $0 < 128 && Character(UnicodeScalar($0)).isHexDigit }
  }

  /// Whether `text` is a host name a widget may be embedded on (`shop.example.com`,
  /// `*.example.com`, `localhost`).
  public static func isDomain(_ text: String) -> Bool {
    var name = Substring(text)
    if name.hasPrefix("*.") { name = name.dropFirst(2) }
    let labels = name.split(separator: ".", omittingEmptySubsequences: false)
    return !name.isEmpty && name.count <= 253
      && labels.allSatisfy { label in
        (1...63).contains(label.count) && label.first != "-" && label.last != "-"
          && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
      }
  }
}
