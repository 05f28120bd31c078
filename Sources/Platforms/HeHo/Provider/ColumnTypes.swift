import HehoManifest

/// The column types a Table may declare (case-insensitive), as one anchored pattern.
public enum ColumnTypes {
  /// Every accepted spelling, `n`, `p` and `s` standing for numbers.
  public static let spellings = [
    "uuid", "text", "varchar", "varchar(n)", "character varying(n)", "char(n)", "integer", "int",
    "int4", "bigint", "int8", "smallint", "int2", "numeric", "numeric(p,s)", "decimal", "real",
    "float4", "double precision", "float8", "boolean", "bool", "date", "timestamp", "timestamptz",
    "timestamp with time zone", "timestamp without time zone", "time", "json", "jsonb", "serial",
    "bigserial",
    // As HeHo's table list reports types (PostgreSQL's information_schema spelling), so
    // exported manifests load.
    "character varying", "character", "character(n)", "time without time zone",
    "time with time zone", "timetz", "bytea",
  ]

  /// The pattern, to be matched ignoring case.
  public static let pattern: String = {
    let size = "\\([0-9]+\\)"
    let precision = "\\([0-9]+(, ?[0-9]+)?\\)"
    let words = spellings.map { spelling -> String in
      spelling
        .replacingOccurrences(of: "(n)", with: size)
        .replacingOccurrences(of: "(p,s)", with: precision)
    }
    return "^(" + words.joined(separator: "|") + ")$"
  }()

  /// The column `type` field.
  public static var schema: FieldSchema {
    FieldSchema(
      .string, summary: "a PostgreSQL column type: " + spellings.joined(separator: ", "),
      label: "column type", pattern: pattern, caseInsensitive: true,
      patternHint: "a known type (" + spellings.joined(separator: ", ") + ")",
      suggestions: spellings.map {
        $0.replacingOccurrences(of: "(n)", with: "(255)").replacingOccurrences(
          of: "(p,s)", with: "(10,2)")
      })
  }
}
