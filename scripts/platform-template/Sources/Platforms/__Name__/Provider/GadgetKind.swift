import HehoManifest

/// `kind: Gadget` (`__name__/v1`): a color and a switch.
struct GadgetKind: ManifestKind {
  /// The colors a gadget may have.
  static let colors = ["red", "green", "blue"]

  var name: String { __Name__Kind.gadget.rawValue }
  var summary: String { "A __Name__ gadget: a color and a switch." }
  var nameSchema: FieldSchema { NamePatterns.resourceName("gadget name") }
  var specSchema: FieldSchema {
    .object(
      "Gadget spec",
      [
        .init("color", required: true, .oneOf(Self.colors, "the gadget's color")),
        .init("enabled", .boolean("whether it is on (default true)")),
      ])
  }
}
