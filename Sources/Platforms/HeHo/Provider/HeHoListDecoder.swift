import Foundation
import PlatformKit

/// Reads HeHo's two list responses (`{"chatbots": [...]}`, `{"tables": [...]}`) straight from
/// their bytes: Foundation's `JSONDecoder` costs several times more on Linux, and a plan reads
/// every chatbot and table.
///
/// Only well-formed bodies of the expected shape are read here, and strictly (standard JSON,
/// no duplicated field heho reads, no escaped key, valid UTF-8). Anything else answers `nil`
/// and is left to `JSONDecoder`, so what is accepted, what is refused and how stays as it was.
struct HeHoListDecoder {
  typealias GiveUp = JSONByteCursor.GiveUp

  /// Where the body is read.
  var cursor: JSONByteCursor
  /// Nesting depth of skipped values, bounded well below `JSONDecoder`'s own limit.
  private static let maxDepth = 64

  private init(_ cursor: JSONByteCursor) {
    self.cursor = cursor
  }

  /// The chatbots of a `{"chatbots": [...]}` body, or `nil` to decode it with `JSONDecoder`.
  static func chatbots(_ body: Data) -> [HeHoChatbotWire]? {
    read(body) { decoder in try decoder.list(named: "chatbots") { try $0.chatbot() } }
  }

  /// The tables of a `{"tables": [...]}` body, or `nil` to decode it with `JSONDecoder`.
  static func tables(_ body: Data) -> [HeHoTableWire]? {
    read(body) { decoder in try decoder.list(named: "tables") { try $0.table() } }
  }

  private static func read<T>(_ body: Data, _ parse: (inout HeHoListDecoder) throws -> T) -> T? {
    JSONByteCursor.read(body, maxDepth: maxDepth) { cursor in
      var decoder = HeHoListDecoder(cursor)
      defer { cursor = decoder.cursor }
      return try parse(&decoder)
    }
  }

  // MARK: The two lists

  /// `{"NAME": [ELEMENT, ...], ...}`: other members are skipped; the list must be there once.
  private mutating func list<T>(named name: StaticString, _ element: (inout Self) throws -> T)
    throws -> [T]
  {
    var result: [T]?
    try object { decoder, key in
      if decoder.keyEquals(key, name) {
        guard result == nil else { throw GiveUp() }
        var items: [T] = []
        try decoder.array { items.append(try element(&$0)) }
        result = items
      } else {
        try decoder.skipValue()
      }
    }
    guard let result else { throw GiveUp() }
    return result
  }

  private mutating func chatbot() throws -> HeHoChatbotWire {
    var id: String?
    var name: String?
    var texts: [String?] = [nil, nil, nil, nil, nil]  // goal, description, model, tone, theme
    var tables: [String?] = [nil, nil, nil]
    var flags: [Bool] = Array(repeating: false, count: 9)  // read, write, edit of slots 1...3
    var seen: UInt32 = 0
    try object { decoder, key in
      guard let field = Self.chatbotField(decoder.cursor.bytes, key) else {
        try decoder.skipValue()
        return
      }
      guard seen & (1 << field) == 0 else { throw GiveUp() }
      seen |= 1 << field
      switch field {
      case 0: id = try decoder.string()
      case 1: name = try decoder.string()
      case 2...6: texts[field - 2] = try decoder.optionalString()
      case 7...9: tables[field - 7] = try decoder.optionalString()
      default: flags[field - 10] = try decoder.optionalBool() ?? false
      }
    }
    guard let id, let name else { throw GiveUp() }
    var slots: [HeHoSlotWire] = []
    for index in 0..<3 {
      guard let table = tables[index], !table.isEmpty else { continue }
      slots.append(
        HeHoSlotWire(
          table: table, read: flags[index * 3], write: flags[index * 3 + 1],
          edit: flags[index * 3 + 2]))
    }
    return HeHoChatbotWire(
      id: id, name: name, goal: texts[0], description: texts[1], model: texts[2], tone: texts[3],
      theme: texts[4], slots: slots)
  }

  private mutating func table() throws -> HeHoTableWire {
    var name: String?
    var columns: [HeHoTableWire.Column]?
    try object { decoder, key in
      if decoder.keyEquals(key, "table_name") {
        guard name == nil else { throw GiveUp() }
        name = try decoder.string()
      } else if decoder.keyEquals(key, "columns") {
        guard columns == nil else { throw GiveUp() }
        var list: [HeHoTableWire.Column] = []
        try decoder.array { list.append(try $0.column()) }
        columns = list
      } else {
        try decoder.skipValue()
      }
    }
    guard let name, let columns else { throw GiveUp() }
    return HeHoTableWire(name: name, columns: columns)
  }

  private mutating func column() throws -> HeHoTableWire.Column {
    var name: String?
    var dataType: String?
    var required: Bool?
    var seenRequired = false
    try object { decoder, key in
      if decoder.keyEquals(key, "column_name") {
        guard name == nil else { throw GiveUp() }
        name = try decoder.string()
      } else if decoder.keyEquals(key, "data_type") {
        guard dataType == nil else { throw GiveUp() }
        dataType = try decoder.string()
      } else if decoder.keyEquals(key, "required") {
        guard !seenRequired else { throw GiveUp() }
        seenRequired = true
        required = try decoder.optionalBool()
      } else {
        try decoder.skipValue()
      }
    }
    guard let name, let dataType else { throw GiveUp() }
    return HeHoTableWire.Column(name: name, dataType: dataType, required: required)
  }

  /// The chatbot fields heho reads, numbered: id, name, the five texts, the three slot tables,
  /// then read, write and edit of each slot.
  private static let chatbotFields: [[UInt8]] = {
    var names = ["id", "name", "goal", "description", "model", "tone", "theme"]
    names += (1...3).map { "data_table_\($0)" }
    for index in 1...3 {
      names += ["read", "write", "edit"].map { "data_table_\(index)_\($0)" }
    }
    return names.map { Array($0.utf8) }
  }()

  /// The number of the chatbot field whose name is the key's bytes, `nil` for another field.
  private static func chatbotField(_ bytes: UnsafeBufferPointer<UInt8>, _ key: Range<Int>)
    -> Int?
  {
    let fields = chatbotFields
    for index in fields.indices where fields[index].count == key.count {
      if fields[index].withUnsafeBufferPointer({
        JSONByteCursor.same(bytes, at: key.lowerBound, $0)
      }) {
        return index
      }
    }
    return nil
  }
}

extension HeHoChatbotWire {
  /// A chatbot read by `HeHoListDecoder`, its slots already gathered.
  init(
    id: String, name: String, goal: String?, description: String?, model: String?,
    tone: String?, theme: String?, slots: [HeHoSlotWire]
  ) {
    self.id = id
    self.name = name
    self.goal = goal
    self.description = description
    self.model = model
    self.tone = tone
    self.theme = theme
    self.slots = slots
  }
}
