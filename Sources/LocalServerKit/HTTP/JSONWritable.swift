/// A value that writes itself with `JSONWriter`, in the bytes `JSONEncoder` with sorted keys
/// would give.
package protocol JSONWritable {
  /// Writes the value.
  func write(to writer: inout JSONWriter)
}

/// A list response: one key holding an array.
package struct JSONList<Element: JSONWritable>: JSONWritable {
  package var key: String
  package var elements: [Element]

  /// A list response with `elements` under `key`.
  package init(key: String, elements: [Element]) {
    self.key = key
    self.elements = elements
  }

  package func write(to writer: inout JSONWriter) {
    writer.object { json in
      json.key(key)
      json.array { list in
        for element in elements { element.write(to: &list) }
      }
    }
  }
}
