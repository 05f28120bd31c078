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
  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0
  /// Nesting depth of skipped values, bounded well below `JSONDecoder`'s own limit.
  private var depth = 0
  private static let maxDepth = 64

  /// Thrown to give up on the fast path; never leaves this type.
  private struct GiveUp: Error {}

  private init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
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
    body.withUnsafeBytes { raw -> T? in
      var decoder = HeHoListDecoder(raw.bindMemory(to: UInt8.self))
      do {
        let value = try parse(&decoder)
        decoder.skipWhitespace()
        return decoder.position == decoder.bytes.count ? value : nil
      } catch {
        return nil
      }
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
      guard let field = Self.chatbotField(decoder.bytes, key) else {
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
      if fields[index].withUnsafeBufferPointer({ same(bytes, at: key.lowerBound, $0) }) {
        return index
      }
    }
    return nil
  }

  // MARK: JSON

  /// Whether `bytes` hold `other` from `start` on (the caller checked the length).
  private static func same(
    _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ other: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    for index in other.indices where bytes[start + index] != other[index] { return false }
    return true
  }

  private mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x0A, 0x0D, 0x09: position += 1
      default: return
      }
    }
  }

  /// The next byte after whitespace, not consumed.
  private mutating func peek() throws -> UInt8 {
    skipWhitespace()
    guard position < bytes.count else { throw GiveUp() }
    return bytes[position]
  }

  private mutating func expect(_ byte: UInt8) throws {
    guard try peek() == byte else { throw GiveUp() }
    position += 1
  }

  /// Whether the raw key bytes equal `name` (keys with escapes never reach here).
  private func keyEquals(_ key: Range<Int>, _ name: StaticString) -> Bool {
    guard key.count == name.utf8CodeUnitCount else { return false }
    return Self.same(
      bytes, at: key.lowerBound, UnsafeBufferPointer(start: name.utf8Start, count: key.count))
  }

  /// An object, calling `member` with each key's bytes (the value is next).
  private mutating func object(_ member: (inout Self, Range<Int>) throws -> Void) throws {
    try expect(UInt8(ascii: "{"))
    if try peek() == UInt8(ascii: "}") {
      position += 1
      return
    }
    while true {
      let key = try rawKey()
      try expect(UInt8(ascii: ":"))
      try member(&self, key)
      switch try peek() {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "}"):
        position += 1
        return
      default: throw GiveUp()
      }
    }
  }

  /// An array, calling `element` for each element.
  private mutating func array(_ element: (inout Self) throws -> Void) throws {
    try expect(UInt8(ascii: "["))
    if try peek() == UInt8(ascii: "]") {
      position += 1
      return
    }
    while true {
      try element(&self)
      switch try peek() {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "]"):
        position += 1
        return
      default: throw GiveUp()
      }
    }
  }

  /// A key's bytes between its quotes: plain ASCII without escapes or control characters.
  private mutating func rawKey() throws -> Range<Int> {
    try expect(UInt8(ascii: "\""))
    let start = position
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        position += 1
        return start..<(position - 1)
      }
      guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { throw GiveUp() }
      position += 1
    }
    throw GiveUp()
  }

  private mutating func string() throws -> String {
    skipWhitespace()
    guard let text = JSONString.read(bytes, at: &position) else { throw GiveUp() }
    return text
  }

  /// A string or `null` (`nil`).
  private mutating func optionalString() throws -> String? {
    if try literal("null") { return nil }
    return try string()
  }

  /// `true`, `false` or `null` (`nil`).
  private mutating func optionalBool() throws -> Bool? {
    if try literal("null") { return nil }
    if try literal("true") { return true }
    if try literal("false") { return false }
    throw GiveUp()
  }

  /// Consumes `word` if it comes next, as a whole word.
  private mutating func literal(_ word: StaticString) throws -> Bool {
    _ = try peek()
    let count = word.utf8CodeUnitCount
    guard position + count <= bytes.count,
      Self.same(bytes, at: position, UnsafeBufferPointer(start: word.utf8Start, count: count))
    else { return false }
    let end = position + count
    if end < bytes.count {
      switch bytes[end] {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"):
        throw GiveUp()
      default: break
      }
    }
    position = end
    return true
  }

  /// Any value, checked but not kept.
  private mutating func skipValue() throws {
    switch try peek() {
    case UInt8(ascii: "\""): _ = try string()
    case UInt8(ascii: "{"):
      depth += 1
      guard depth <= Self.maxDepth else { throw GiveUp() }
      try object { decoder, _ in try decoder.skipValue() }
      depth -= 1
    case UInt8(ascii: "["):
      depth += 1
      guard depth <= Self.maxDepth else { throw GiveUp() }
      try array { try $0.skipValue() }
      depth -= 1
    case UInt8(ascii: "t"): guard try literal("true") else { throw GiveUp() }
    case UInt8(ascii: "f"): guard try literal("false") else { throw GiveUp() }
    case UInt8(ascii: "n"): guard try literal("null") else { throw GiveUp() }
    default: try number()
    }
  }

  /// A number as JSON writes it: `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`.
  private mutating func number() throws {
    func digits() throws {
      let start = position
      while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
        position += 1
      }
      guard position > start else { throw GiveUp() }
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
    guard position < bytes.count else { throw GiveUp() }
    if bytes[position] == UInt8(ascii: "0") {
      position += 1
    } else {
      try digits()
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      position += 1
      try digits()
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == 0x45 {
      position += 1
      if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == 0x2D {
        position += 1
      }
      try digits()
    }
    if position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"): break
      default: throw GiveUp()
      }
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
