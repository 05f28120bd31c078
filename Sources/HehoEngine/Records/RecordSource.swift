import HehoManifest

/// Where the live records of a data kind's resource are read from: one read of its container.
public struct RecordSource: Sendable, Hashable, Codable {
  /// The data resource (`tabledata/faq-entries`).
  public var address: ResourceAddress
  /// The resource that keeps the records (`table/faq`).
  public var container: ResourceAddress
  /// The field whose value identifies a record.
  public var keyField: String
  /// The field the platform identifies a record by in writes, when it is not `keyField`.
  public var idField: String?
  /// Each field's type in the provider's words (`RecordSet.fieldTypes`).
  public var fieldTypes: [String: String]
  /// The fields an add whose outcome is unknown is looked up by before it is sent again;
  /// `nil` means `keyField` alone (records without a key field are matched on all of these).
  public var lookupFields: [String]?

  /// Creates a record source.
  public init(
    address: ResourceAddress, container: ResourceAddress, keyField: String,
    idField: String? = nil, fieldTypes: [String: String] = [:]
  ) {
    self.idField = idField
    self.fieldTypes = fieldTypes
    self.address = address
    self.container = container
    self.keyField = keyField
  }

  enum CodingKeys: String, CodingKey {
    case address, container
    case keyField = "key_field"
    case idField = "id_field"
    case fieldTypes = "field_types"
    case lookupFields = "lookup_fields"
  }
}
