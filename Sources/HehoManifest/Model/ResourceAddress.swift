/// The identity of a resource: its kind and its name, written `kind/name` (`table/products`).
///
/// Names are identity: the platform's IDs never appear in manifests or addresses.
public struct ResourceAddress: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
  /// The kind, lower-cased (`table`, `chatbot`, `permission`).
  public var kind: String
  /// The resource's name (`metadata.name`).
  public var name: String

  /// Creates an address; `kind` is lower-cased.
  public init(kind: String, name: String) {
    // Kinds are mostly lower-case already (addresses are made for every resource, often
    // several times): those are kept as they are, without lower-casing them anew.
    let isLowerASCII = kind.utf8.allSatisfy { $0 < 0x80 && !(0x41...0x5A).contains($0) }
    self.kind = isLowerASCII ? kind : kind.lowercased()
    self.name = name
  }

  /// Parses `KIND/NAME`; `nil` when either part is missing.
  public init?(parsing text: String) {
    guard let slash = text.firstIndex(of: "/") else { return nil }
    let kind = String(text[..<slash])
    let name = String(text[text.index(after: slash)...])
    guard !kind.isEmpty, !name.isEmpty else { return nil }
    self.init(kind: kind, name: name)
  }

  /// `kind/name`.
  public var description: String { "\(kind)/\(name)" }

  public static func < (lhs: ResourceAddress, rhs: ResourceAddress) -> Bool {
    (lhs.kind, lhs.name) < (rhs.kind, rhs.name)
  }
}
