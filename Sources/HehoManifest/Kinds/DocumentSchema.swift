/// The envelope every manifest document shares: `apiVersion`, `kind`, `metadata`, `spec` and,
/// for resources, `lifecycle`.
public enum DocumentSchema {
  /// The schema of a whole document of `kind`, whose platform's documents are `apiVersion`.
  public static func resource(_ kind: any ManifestKind, apiVersion: String) -> FieldSchema {
    var nameSchema = kind.nameSchema
    nameSchema.interpolated = false
    return envelope(
      kind: kind.name, apiVersion: apiVersion, nameSchema: nameSchema, spec: kind.specSchema,
      lifecycle: lifecycle(fields: kind.specFieldNames, kind: kind.name))
  }

  /// The schema of a whole document of one of the project's own kinds (`ConversationTest`):
  /// nothing plans or applies it, so it has neither `lifecycle` nor previous names.
  public static func project(_ kind: any ManifestKind) -> FieldSchema {
    var nameSchema = kind.nameSchema
    nameSchema.interpolated = false
    return envelope(
      kind: kind.name, apiVersion: ProjectSchema.apiVersion, nameSchema: nameSchema,
      spec: kind.specSchema, lifecycle: nil)
  }

  /// The schema of a whole document of any kind of `registry`.
  public static func document(_ kind: any ManifestKind, in registry: KindRegistry)
    -> FieldSchema?
  {
    if registry.isProjectKind(kind.name) { return project(kind) }
    return registry.group(ofKind: kind.name).map { resource(kind, apiVersion: $0.apiVersion) }
  }

  /// The envelope around `spec`.
  static func envelope(
    kind: String, apiVersion: String, nameSchema: FieldSchema, spec: FieldSchema,
    lifecycle: FieldSchema?
  ) -> FieldSchema {
    let text = FieldSchema(.string, summary: "", interpolated: false)
    let stringMap = FieldSchema(.map(keyPattern: nil, keyHint: nil, values: text))
    var metadataFields: [FieldSchema.Field] = [
      .init("name", required: true, nameSchema),
      .init("labels", stringMap),
      .init("annotations", stringMap),
    ]
    var summary = "the resource's name (its identity) and optional labels and annotations"
    // Resources can be renamed; a project cannot.
    if lifecycle != nil {
      metadataFields.insert(
        .init(
          "previousNames",
          FieldSchema(
            .array(nameSchema),
            summary: "names the resource had before: the plan finds the live resource under "
              + "one and renames it (in place where the platform can) instead of deleting it "
              + "and creating another")), at: 1)
      summary =
        "the resource's name (its identity), its previous names, and optional labels "
        + "and annotations"
    }
    let metadata = FieldSchema.object("metadata", metadataFields, summary: summary)
    var fields: [FieldSchema.Field] = [
      .init(
        "apiVersion", required: true,
        .oneOf([apiVersion], "\(apiVersion) for \(kind)", interpolated: false)),
      .init("kind", required: true, .oneOf([kind], "the resource kind", interpolated: false)),
      .init("metadata", required: true, metadata),
      .init("spec", required: true, spec),
    ]
    if let lifecycle { fields.append(.init("lifecycle", lifecycle)) }
    return .object("\(kind) document", fields)
  }

  /// `lifecycle`: guards on one resource.
  static func lifecycle(fields: [String], kind: String) -> FieldSchema {
    let ignored = FieldSchema.object(
      "ignoreChanges entry",
      [
        .init(
          "field", required: true,
          FieldSchema(
            .string, summary: "a spec field of \(kind)", label: "ignoreChanges field",
            enumValues: fields, interpolated: false)),
        .init(
          "reason", required: true,
          FieldSchema(
            .string, summary: "why the live value may differ", label: "ignoreChanges reason",
            pattern: "\\S", patternHint: "a non-empty reason", interpolated: false)),
      ])
    return .object(
      "lifecycle",
      [
        .init("preventDestroy", .boolean("refuse any delete or replace of this resource")),
        .init("allowDataLoss", .boolean("allow dropping or replacing this table's data")),
        .init("ignoreChanges", FieldSchema(.array(ignored), summary: "live changes to ignore")),
        .init(
          "migrate",
          .boolean(
            "copy a changed table's rows over (back up, drop, create, restore) instead of "
              + "dropping them; default true")),
      ], summary: "guards for plan and apply")
  }
}
