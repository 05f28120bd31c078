import HehoEngine
import HehoManifest

/// Compiles BotHero manifests into desired items. Fields use the manifest's names (so plans
/// read as written); payloads use the API's. A webhook's secret is kept in `secrets`, never in
/// a field or payload.
struct BotHeroCompiler: Sendable {
  /// The field names of a bot, manifest name to API name.
  static let botFields: [(field: String, wire: String)] = [
    ("model", "model"), ("instructions", "instructions"), ("welcomeMessage", "welcome_message"),
    ("temperature", "temperature"), ("leadCapture", "lead_capture"),
  ]
  /// The field names of a webhook, manifest name to API name.
  static let webhookFields: [(field: String, wire: String)] = [
    ("url", "url"), ("events", "events"), ("bot", "bot"), ("active", "active"),
    ("secret", "secret"),
  ]

  /// The kinds as addresses spell them, lower-cased once rather than for every resource.
  static let botKind = BotHeroKind.bot.addressKind
  static let documentKind = BotHeroKind.knowledgeDocument.addressKind
  /// The kinds a manifest may declare, as an unknown kind's error lists them.
  static let kindList = [BotHeroKind.bot, .webhook, .knowledgeDocument, .knowledgeBase]
    .map(\.rawValue).joined(separator: ", ")

  let secrets: WriteOnlySecrets

  func compile(_ state: DesiredState) throws -> CompiledDesiredState {
    var items: [DesiredItem] = []
    var problems: [String] = []
    var documents: [ResourceAddress: DesiredResource] = [:]
    for resource in state.resources {
      let kind = BotHeroKind(addressKind: resource.address.kind)
      switch kind {
      case .bot: items.append(bot(resource))
      case .webhook: items.append(webhook(resource))
      case .knowledgeDocument, .knowledgeBase:
        let files: [(name: String, path: String)] =
          kind == .knowledgeDocument
          ? [(resource.name, resource.spec["path"]?.stringValue ?? "")]
          : (resource.spec["files"]?.arrayValue ?? []).compactMap { file in
            guard let name = file["name"]?.stringValue, let path = file["path"]?.stringValue
            else { return nil }
            return (name, path)
          }
        for file in files {
          let address = ResourceAddress(kind: Self.documentKind, name: file.name)
          if let other = documents[address] {
            problems.append(
              "\(resource.location): \(resource.address) and \(other.address) (\(other.location)) "
                + "both declare the document '\(file.name)'; document names must be unique")
            continue
          }
          documents[address] = resource
          do {
            items.append(try document(file.name, path: file.path, from: resource))
          } catch {
            problems.append("\(resource.location): \(resource.address): cannot read \(file.path)")
          }
        }
      case nil:
        problems.append(
          "\(resource.location): kind '\(resource.kind)' is not a BotHero kind (\(Self.kindList))")
      }
    }
    guard problems.isEmpty else { throw ProviderError(problems.joined(separator: "\n")) }
    return CompiledDesiredState(items: items)
  }

  func bot(_ resource: DesiredResource) -> DesiredItem {
    let spec = resource.spec
    let temperature: Double =
      switch spec["temperature"] {
      case .int(let whole): Double(whole)
      case .double(let real): real
      default: BotKind.defaultTemperature
      }
    let fields: [String: Value] = [
      "model": .string(spec["model"]?.stringValue ?? BotKind.models[0]),
      "instructions": .string(spec["instructions"]?.stringValue ?? ""),
      "welcomeMessage": .string(spec["welcomeMessage"]?.stringValue ?? BotKind.defaultWelcome),
      "temperature": .double(temperature),
      "leadCapture": .bool(spec["leadCapture"]?.boolValue ?? false),
    ]
    return DesiredItem(
      address: resource.address, fields: fields,
      payload: Self.payload(fields, names: Self.botFields, name: resource.name),
      lifecycle: resource.lifecycle, location: resource.location)
  }

  func webhook(_ resource: DesiredResource) -> DesiredItem {
    let spec = resource.spec
    let events = Set(spec["events"]?.arrayValue?.compactMap(\.stringValue) ?? []).sorted()
    var fields: [String: Value] = [
      "url": .string(spec["url"]?.stringValue ?? ""),
      "events": .array(events.map(Value.string)),
      "active": .bool(spec["active"]?.boolValue ?? true),
    ]
    var dependencies: [ResourceAddress] = []
    if let bot = spec["bot"]?.stringValue {
      fields["bot"] = .string(bot)
      dependencies.append(ResourceAddress(kind: Self.botKind, name: bot))
    }
    if let secret = spec["secret"]?.stringValue {
      secrets.keep(secret, for: resource.address)
      fields["secret"] = .string(WriteOnlySecrets.marker)
    }
    return DesiredItem(
      address: resource.address, fields: fields,
      payload: Self.payload(fields, names: Self.webhookFields, name: resource.name),
      dependencies: dependencies, lifecycle: resource.lifecycle, location: resource.location)
  }

  /// A knowledge document: compared by its content's SHA-256 and size, uploaded from `path`.
  func document(_ name: String, path: String, from resource: DesiredResource) throws -> DesiredItem
  {
    let (size, sha256) = try KnowledgeFiles.digest(of: path)
    let bot = resource.spec["bot"]?.stringValue ?? ""
    let fields: [String: Value] = [
      "bot": .string(bot), "size": .int(size), "sha256": .string(sha256),
    ]
    var payload = fields
    payload["name"] = .string(name)
    payload["path"] = .string(path)
    return DesiredItem(
      address: ResourceAddress(kind: Self.documentKind, name: name), fields: fields,
      payload: payload, dependencies: [ResourceAddress(kind: Self.botKind, name: bot)],
      sources: [resource.address], lifecycle: resource.lifecycle, location: resource.location)
  }

  /// The payload: the name, and each field under its API name.
  static func payload(
    _ fields: [String: Value], names: [(field: String, wire: String)], name: String
  ) -> [String: Value] {
    var payload: [String: Value] = ["name": .string(name)]
    for (field, wire) in names { if let value = fields[field] { payload[wire] = value } }
    return payload
  }
}
