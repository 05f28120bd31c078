import HehoManifest

/// The records a data kind's resource declares (a `TableData`'s rows): where they are kept,
/// how they are identified, and whether unlisted live records are deleted.
public struct RecordSet: Sendable, Hashable, Codable {
  /// The resource that keeps the records (`table/faq`).
  public var container: ResourceAddress
  /// The field whose value identifies a record (`id`).
  public var keyField: String
  /// The records, in the order declared; keys are unique.
  public var records: [Record]
  /// Whether live records that are not listed are deleted (`prune: true`); otherwise they are
  /// left alone.
  public var prune: Bool
  /// The field the platform identifies a record by in writes, when it is not `keyField` (a
  /// table's primary key, when rows are keyed by another column).
  public var idField: String?
  /// Each field's type in the provider's words, so that it normalizes live records as it
  /// normalized these.
  public var fieldTypes: [String: String]

  /// Creates a record set.
  public init(
    container: ResourceAddress, keyField: String, records: [Record], prune: Bool,
    idField: String? = nil, fieldTypes: [String: String] = [:]
  ) {
    self.idField = idField
    self.fieldTypes = fieldTypes
    self.container = container
    self.keyField = keyField
    self.records = records
    self.prune = prune
  }

  /// What a provider needs to read the live records of the resource at `address`.
  public func source(for address: ResourceAddress) -> RecordSource {
    RecordSource(
      address: address, container: container, keyField: keyField, idField: idField,
      fieldTypes: fieldTypes)
  }
}
