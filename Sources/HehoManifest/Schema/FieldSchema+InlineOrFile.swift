extension FieldSchema.Field {
  /// A text written inline (`field`, interpolated) or read from a file named by `file` (not
  /// interpolated, relative to the manifest): the two spec fields that
  /// `ResourceDraft.inlineFile(_:into:diagnostics:)` turns into one. `what` names the text in
  /// the file field's summary ("the prompt").
  public static func inlineOrFile(
    _ field: String, _ text: FieldSchema, file: String, holding what: String
  ) -> [FieldSchema.Field] {
    var text = text
    text.interpolated = true
    return [
      .init(field, text),
      .init(
        file,
        FieldSchema(
          .string, summary: "a file holding \(what), relative to this manifest", label: file,
          minLength: 1, interpolated: false)),
    ]
  }
}
