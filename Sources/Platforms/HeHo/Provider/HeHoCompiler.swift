import HehoEngine
import HehoManifest
import PlatformKit

/// Compiles HeHo manifests into desired items: tables as they are, chatbots with their
/// permissions folded into `access.TABLE` fields (and `data_table_N` slots, by table name).
struct HeHoCompiler: Sendable {
  static let toneDefault = "professional"
  static let themeDefault = "sky"
  /// A table's kind as addresses spell it, lower-cased once rather than for every resource.
  static let tableKind = HeHoKind.table.addressKind

  func compile(_ state: DesiredState) throws -> CompiledDesiredState {
    let resources = state.resources
    var problems: [String] = []
    var notes: Set<String> = []
    // Positions in `resources`, not copies of them: a resource is a large value.
    var grants: [String: [Int]] = [:]
    var tables: [Int] = []
    var chatbots: [Int] = []
    var data: [Int] = []
    var foreign: [String] = []  // Listed last.
    for (index, resource) in resources.enumerated() {
      switch HeHoKind(addressKind: resource.address.kind) {
      case .permission:
        guard let chatbot = resource.spec["chatbot"]?.stringValue else {
          problems.append("\(resource.location): \(resource.address) names no chatbot")
          continue
        }
        grants[chatbot, default: []].append(index)
      case .table: tables.append(index)
      case .chatbot: chatbots.append(index)
      case .tableData: data.append(index)
      case nil:
        foreign.append(
          "\(resource.location): kind '\(resource.kind)' is not a HeHo kind ("
            + HeHoKind.allCases.map(\.rawValue).joined(separator: ", ") + ")")
      }
    }
    // Tables, then chatbots, each compiled on its own: on every core.
    let chatbotKind = HeHoKind.chatbot.addressKind
    var outcomes = DedicatedThreads.chunkedMap(tables + chatbots) { [grants] index in
      let resource = resources[index]
      guard resource.address.kind == chatbotKind else { return table(resource) }
      return chatbot(resource, grants: (grants[resource.name] ?? []).map { resources[$0] })
    }
    var items: [DesiredItem] = []
    items.reserveCapacity(outcomes.count + data.count)
    for index in outcomes.indices {
      // Taken out, not copied: an item is a large value.
      if let item = outcomes[index].item.take() { items.append(item) }
      problems += outcomes[index].problems
      notes.formUnion(outcomes[index].notes)
    }
    if !data.isEmpty {
      var byName: [String: DesiredResource] = [:]
      for index in tables { byName[resources[index].name] = resources[index] }
      for index in data {
        items.append(tableData(resources[index], tables: byName, problems: &problems))
      }
    }
    let declared = Set(chatbots.map { resources[$0].name })
    for (name, list) in grants.sorted(by: { $0.key < $1.key }) where !declared.contains(name) {
      for permission in list.map({ resources[$0] }) {
        problems.append(
          "\(permission.location): \(permission.address) names chatbot '\(name)', "
            + "which no manifest declares")
      }
    }
    problems += foreign
    guard problems.isEmpty else { throw ProviderError(problems.joined(separator: "\n")) }
    return CompiledDesiredState(items: items, notes: notes.sorted())
  }

  /// One table or chatbot compiled: its item, and the problems and notes it raises.
  struct Outcome: Sendable {
    /// Optional only so that it can be taken out without a copy.
    var item: DesiredItem?
    var problems: [String] = []
    var notes: Set<String> = []
  }

  /// The note for a column whose `primaryKey` or `defaultValue` is given.
  static let unreadColumnNote =
    "primaryKey and defaultValue cannot be read back from HeHo (its table list omits "
    + "them); they are sent on create but never checked for drift."
  /// The note for a column type with parameters.
  static let unreadParametersNote =
    "type parameters such as varchar(255)'s length cannot be read back from HeHo; "
    + "only the base type is checked."

  func table(_ resource: DesiredResource) -> Outcome {
    var notes: Set<String> = []
    let spec = resource.spec
    let connect = spec["connect"]?.boolValue ?? false
    var fields: [String: Value] = [:]
    var payloadColumns: [Value] = []
    if let columns = spec["columns"]?.arrayValue {
      fields.reserveCapacity(columns.count * 2 + 1)
      payloadColumns.reserveCapacity(columns.count)
      var names: [Value] = []
      for column in columns {
        guard let name = column["name"]?.stringValue else { continue }
        let type = column["type"]?.stringValue ?? ""
        let primaryKey = column["primaryKey"]?.boolValue ?? false
        let notNull = column["notNull"]?.boolValue ?? false
        names.append(.string(name))
        fields["columns.\(name).type"] = .string(HeHoTypes.canonical(type))
        fields["columns.\(name).required"] = .bool(primaryKey || notNull)
        if column["primaryKey"] != nil || column["defaultValue"] != nil {
          notes.insert(HeHoCompiler.unreadColumnNote)
        }
        if HeHoTypes.hasParameters(type) { notes.insert(HeHoCompiler.unreadParametersNote) }
        var wire: [String: Value] = ["name": .string(name), "type": .string(type)]
        if primaryKey { wire["primaryKey"] = .bool(true) }
        if notNull { wire["notNull"] = .bool(true) }
        if let value = column["defaultValue"] { wire["defaultValue"] = value }
        payloadColumns.append(.object(wire))

      }
      fields["columns"] = .array(names)
    }
    var payload: [String: Value] = ["tableName": .string(resource.name)]
    if !connect { payload["columns"] = .array(payloadColumns) }
    let item = DesiredItem(
      address: resource.address, mode: connect ? .connect : .create, fields: fields,
      payload: payload, lifecycle: resource.lifecycle, location: resource.location)
    return Outcome(item: item, notes: notes)
  }

  func chatbot(_ resource: DesiredResource, grants: [DesiredResource]) -> Outcome {
    var problems: [String] = []
    let spec = resource.spec
    var fields: [String: Value] = [
      "goal": spec["goal"] ?? .null,
      "description": spec["description"] ?? .null,
      "model": spec["model"] ?? .null,
      "tone": spec["tone"] ?? .string(HeHoCompiler.toneDefault),
      "theme": spec["theme"] ?? .string(HeHoCompiler.themeDefault),
    ]
    var payload: [String: Value] = fields
    payload["name"] = .string(resource.name)
    var slots: [HeHoSlotWire] = []
    for grant in grants {
      let table = grant.spec["table"]?.stringValue ?? ""
      if let earlier = slots.first(where: { $0.table == table }) {
        problems.append(
          "\(grant.location): \(grant.address) grants \(resource.name) access on '\(earlier.table)' "
            + "again; merge it into one Permission")
        continue
      }
      slots.append(
        HeHoSlotWire(
          table: table, read: grant.spec["read"]?.boolValue ?? false,
          write: grant.spec["write"]?.boolValue ?? false,
          edit: grant.spec["edit"]?.boolValue ?? false))
    }
    if slots.count > 3 {
      problems.append(
        "\(resource.location): \(resource.address) has \(slots.count) permissions; a HeHo chatbot "
          + "can use at most 3 tables: remove \(slots.count - 3)")
    }
    slots.sort { $0.table < $1.table }
    for (index, slot) in slots.prefix(3).enumerated() {
      fields["access.\(slot.table)"] = HeHoCompiler.rights(slot)
      payload["data_table_\(index + 1)"] = .string(slot.table)
      payload["data_table_\(index + 1)_read"] = .bool(slot.read)
      payload["data_table_\(index + 1)_write"] = .bool(slot.write)
      payload["data_table_\(index + 1)_edit"] = .bool(slot.edit)
    }
    let sources = [resource.address] + grants.map(\.address).sorted()
    let item = DesiredItem(
      address: resource.address, fields: fields, payload: payload,
      dependencies: slots.map { ResourceAddress(kind: HeHoCompiler.tableKind, name: $0.table) },
      sources: sources, lifecycle: HeHoCompiler.lifecycle(of: resource, grants: grants),
      location: resource.location)
    return Outcome(item: item, problems: problems)
  }

  /// The chatbot's lifecycle, with its permissions' `ignoreChanges` on read, write or edit
  /// carried over as the `access.TABLE` field they fold into (so they are not silently lost).
  static func lifecycle(of chatbot: DesiredResource, grants: [DesiredResource]) -> Lifecycle {
    var lifecycle = chatbot.lifecycle
    for grant in grants {
      guard let table = grant.spec["table"]?.stringValue else { continue }
      for rule in grant.lifecycle.ignoreChanges
      where ["read", "write", "edit"].contains(rule.field) {
        let field = "access.\(table)"
        if !lifecycle.ignoreChanges.contains(where: { $0.field == field }) {
          lifecycle.ignoreChanges.append(.init(field: field, reason: rule.reason))
        }
      }
    }
    return lifecycle
  }

  /// `["read", "write"]`: the rights a slot grants, in a fixed order.
  static func rights(_ slot: HeHoSlotWire) -> Value {
    var rights: [Value] = []
    if slot.read { rights.append(.string("read")) }
    if slot.write { rights.append(.string("write")) }
    if slot.edit { rights.append(.string("edit")) }
    return .array(rights)
  }
}
