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
  private typealias GiveUp = JSONByteCursor.GiveUp

  private var cursor: JSONByteCursor
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

  // MARK: JSON

  /// Whether the raw key bytes equal `name` (keys with escapes never reach here).
  private func keyEquals(_ key: Range<Int>, _ name: StaticString) -> Bool {
    cursor.holds(name, in: key)
  }

  /// An object, calling `member` with each key's bytes (the value is next).
  private mutating func object(_ member: (inout Self, Range<Int>) throws -> Void) throws {
    try cursor.expect(UInt8(ascii: "{"))
    if try cursor.peek() == UInt8(ascii: "}") {
      cursor.position += 1
      return
    }
    while true {
      let key = try rawKey()
      try cursor.expect(UInt8(ascii: ":"))
      try member(&self, key)
      switch try cursor.peek() {
      case UInt8(ascii: ","): cursor.position += 1
      case UInt8(ascii: "}"):
        cursor.position += 1
        return
      default: throw GiveUp()
      }
    }
  }

  /// An array, calling `element` for each element.
  private mutating func array(_ element: (inout Self) throws -> Void) throws {
    try cursor.expect(UInt8(ascii: "["))
    if try cursor.peek() == UInt8(ascii: "]") {
      cursor.position += 1
      return
    }
    while true {
      try element(&self)
      switch try cursor.peek() {
      case UInt8(ascii: ","): cursor.position += 1
      case UInt8(ascii: "]"):
        cursor.position += 1
        return
      default: throw GiveUp()
      }
    }
  }

  /// A key's bytes between its quotes: plain ASCII without escapes or control characters.
  private mutating func rawKey() throws -> Range<Int> {
    try cursor.expect(UInt8(ascii: "\""))
    let start = cursor.position
    while cursor.position < cursor.bytes.count {
      let byte = cursor.bytes[cursor.position]
      if byte == UInt8(ascii: "\"") {
        cursor.position += 1
        return start..<(cursor.position - 1)
      }
      guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { throw GiveUp() }
      cursor.position += 1
    }
    throw GiveUp()
  }

  private mutating func string() throws -> String {
    try cursor.string()
  }

  /// A string or `null` (`nil`).
  private mutating func optionalString() throws -> String? {
    if try cursor.literal("null") { return nil }
    return try cursor.string()
  }

  /// `true`, `false` or `null` (`nil`).
  private mutating func optionalBool() throws -> Bool? {
    if try cursor.literal("null") { return nil }
    if try cursor.literal("true") { return true }
    if try cursor.literal("false") { return false }
    throw GiveUp()
  }

  /// Any value, checked but not kept.
  private mutating func skipValue() throws {
    switch try cursor.peek() {
    case UInt8(ascii: "\""): _ = try cursor.string()
    case UInt8(ascii: "{"):
      try cursor.enter()
      try object { decoder, _ in try decoder.skipValue() }
      cursor.leave()
    case UInt8(ascii: "["):
      try cursor.enter()
      try array { try $0.skipValue() }
      cursor.leave()
    case UInt8(ascii: "t"): guard try cursor.literal("true") else { throw GiveUp() }
    case UInt8(ascii: "f"): guard try cursor.literal("false") else { throw GiveUp() }
    case UInt8(ascii: "n"): guard try cursor.literal("null") else { throw GiveUp() }
    default: _ = try cursor.number()
    }
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
