/// Why one document was refused; the file's other documents are still read.
struct YAMLDocumentFailure: Error, Sendable {
  var message: String
  var location: SourceLocation

  /// Aliases expanded the document beyond `YAMLLimits.maxNodesPerDocument`.
  static func tooManyNodes(
    at location: SourceLocation, limit: Int = YAMLLimits.maxNodesPerDocument
  ) -> Self {
    Self(
      message: "document expands to more than \(limit) nodes "
        + "(YAML aliases repeated too often?); simplify the document", location: location)
  }

  /// Nesting beyond `YAMLLimits.maxDepth`.
  static func tooDeep(at location: SourceLocation) -> Self {
    Self(
      message: "nesting deeper than \(YAMLLimits.maxDepth) levels; flatten the document",
      location: location)
  }

  /// A scalar tag the loader does not type.
  static func unsupportedTag(_ tag: String, at location: SourceLocation) -> Self {
    Self(message: "YAML tag '\(tag)' is not supported here; remove the tag", location: location)
  }

  /// A list or mapping used as a mapping key.
  static func complexKey(at location: SourceLocation) -> Self {
    Self(message: "mapping keys must be plain strings, found a complex key", location: location)
  }
}
