import HehoManifest

/// An incremental FNV-1a-64 hash over a canonical byte encoding of values.
struct FNV1a64 {
  /// The hash of everything added so far.
  private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  /// Adds raw bytes.
  mutating func add<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
    var hash = value
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    value = hash
  }

  /// Adds an integer as its 8 little-endian bytes.
  mutating func add(_ number: Int) {
    var word = UInt64(bitPattern: Int64(number)).littleEndian
    withUnsafeBytes(of: &word) { add(bytes: $0) }
  }

  /// Adds a string, length first, so that concatenations cannot collide.
  mutating func add(_ text: String) {
    add(text.utf8.count)
    add(bytes: text.utf8)
  }

  /// Adds a value: a type tag, then its content (object keys in sorted order).
  mutating func add(_ item: Value) {
    switch item {
    case .null: add(bytes: [0])
    case .bool(let flag): add(bytes: [1, flag ? 1 : 0])
    case .int(let number):
      add(bytes: [2])
      add(number)
    case .double(let number):
      add(bytes: [3])
      add(Int(bitPattern: UInt(number.bitPattern)))
    case .string(let text):
      add(bytes: [4])
      add(text)
    case .array(let items):
      add(bytes: [5])
      add(items.count)
      for element in items { add(element) }
    case .object(let fields):
      add(bytes: [6])
      add(fields.count)
      for key in fields.keys.sorted() {
        add(key)
        if let field = fields[key] { add(field) }
      }
    }
  }
}
