/// The platform's naming rules, shared by kinds.
public enum NamePatterns {
  /// SQL identifiers for tables and columns: letters, digits and underscores, at most 63.
  public static func identifier(_ label: String) -> FieldSchema {
    FieldSchema(
      .string, summary: "letters, digits and underscores, at most 63 characters", label: label,
      pattern: "^[A-Za-z0-9_]+$", patternHint: "letters, digits and underscores only",
      minLength: 1, maxLength: 63)
  }

  /// Free text names (chatbots, projects): printable, 1 to 100 characters.
  public static func displayName(_ label: String) -> FieldSchema {
    FieldSchema(
      .string, summary: "printable text, 1 to 100 characters", label: label,
      pattern: "^[^\\x00-\\x1F\\x7F]+$",
      patternHint: "printable characters (no control characters)",
      minLength: 1, maxLength: 100)
  }

  /// Resource names: lowercase letters, digits, `-`, `_` and `.`.
  public static func resourceName(_ label: String) -> FieldSchema {
    FieldSchema(
      .string, summary: "lowercase letters, digits, '-', '_' and '.'", label: label,
      pattern: "^[a-z0-9._-]+$", patternHint: "lowercase letters, digits, '-', '_' and '.'",
      minLength: 1, maxLength: 253)
  }

  /// A non-empty string.
  public static func required(_ label: String, _ summary: String) -> FieldSchema {
    FieldSchema(.string, summary: summary, label: label, minLength: 1)
  }
}
