import HehoManifest

/// An incremental FNV-1a-64 hash over a canonical byte encoding of values.
struct FNV1a64 {
  /// The hash of everything added so far.
  private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  /// Adds raw bytes from memory: the fast path, a plain loop over a buffer.
  mutating func add(buffer: UnsafeRawBufferPointer) {
    var hash = value
    for byte in buffer {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    value = hash
  }

  /// Adds one byte (a type tag).
  mutating func add(byte: UInt8) {
    value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
  }

  /// Adds an integer as its 8 little-endian bytes.
  mutating func add(_ number: Int) {
    var word = UInt64(bitPattern: Int64(number)).littleEndian
    withUnsafeBytes(of: &word) { add(buffer: $0) }
  }

  /// Adds a string, length first, so that concatenations cannot collide.
  mutating func add(_ text: String) {
    var text = text
    text.withUTF8 { utf8 in
      add(utf8.count)
      add(buffer: UnsafeRawBufferPointer(utf8))
    }
  }

  /// Adds a value: a type tag, then its content (object keys in sorted order).
  mutating func add(_ item: Value) {
    switch item {
    case .null: add(byte: 0)
    case .bool(let flag):
      add(byte: 1)
      add(byte: flag ? 1 : 0)
    case .int(let number):
      add(byte: 2)
      add(number)
    case .double(let number):
      add(byte: 3)
      add(Int(bitPattern: UInt(number.bitPattern)))
    case .string(let text):
      add(byte: 4)
      add(text)
    case .array(let items):
      add(byte: 5)
      add(items.count)
      for element in items { add(element) }
    case .object(let fields):
      add(byte: 6)
      add(fields.count)
      for key in fields.keys.sorted() {
        add(key)
        if let field = fields[key] { add(field) }
      }
    }
  }
}
