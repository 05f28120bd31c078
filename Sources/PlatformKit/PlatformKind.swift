import HehoEngine
import HehoManifest

/// A platform's kinds as a type: each platform declares `enum …Kind: String, PlatformKind`
/// whose raw values are its manifests' `kind` names (`KnowledgeDocument`), so that each kind
/// is spelled once and a `switch` over the kinds is checked for completeness.
///
/// An address names a kind lower-cased (`knowledgedocument/faq`); `addressKind` is that
/// spelling, and `init(address:)` reads it back.
public protocol PlatformKind: RawRepresentable, CaseIterable, Hashable, Sendable
where RawValue == String {}

extension PlatformKind {
  /// The kind as resource addresses, plans and reports spell it (`knowledgedocument`).
  public var addressKind: String { rawValue.lowercased() }

  /// The kind of `address`, when it is one of this platform's.
  public init?(address: ResourceAddress) {
    self.init(addressKind: address.kind)
  }

  /// The kind an address spells `kind` (compared ignoring case), when it is one of these.
  /// Runs once per resource in compile and reconcile, so it compares without allocating.
  public init?(addressKind kind: String) {
    for candidate in Self.allCases where Self.spells(candidate.rawValue, kind) {
      self = candidate
      return
    }
    return nil
  }

  /// The kind of `address`, which a provider was asked to act on; another platform's kind is
  /// an error naming this platform's (the engine routes each kind to its own provider, so it
  /// means a routing mistake, never a user's).
  public init(of address: ResourceAddress, on platform: String) throws {
    guard let kind = Self(address: address) else {
      throw ProviderError(
        "\(address): \(platform) has no kind '\(address.kind)' (its kinds: "
          + Self.allCases.map(\.addressKind).joined(separator: ", ") + ")")
    }
    self = kind
  }

  /// The address of the resource of this kind named `name`.
  public func address(_ name: String) -> ResourceAddress {
    ResourceAddress(kind: addressKind, name: name)
  }

  /// Whether `address` is of this kind.
  public func matches(_ address: ResourceAddress) -> Bool {
    Self.spells(rawValue, address.kind)
  }

  /// Whether `kind` is `name` ignoring ASCII case, byte by byte.
  static func spells(_ name: String, _ kind: String) -> Bool {
    var names = name.utf8.makeIterator()
    var kinds = kind.utf8.makeIterator()
    while true {
      switch (names.next(), kinds.next()) {
      case (nil, nil): return true
      case (let a?, let b?) where a | 0x20 == b | 0x20 && (a | 0x20) >= 0x61 && (a | 0x20) <= 0x7a:
        continue
      case (let a?, let b?) where a == b: continue
      default: return false
      }
    }
  }
}
