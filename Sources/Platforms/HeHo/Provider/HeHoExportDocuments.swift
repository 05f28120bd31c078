import Foundation
import HehoEngine
import HehoManifest
import PlatformKit

/// The YAML documents `heho export` writes for one live resource.
enum HeHoExportDocuments {
  /// A Table document, or `nil` (with a warning) when the table cannot be declared.
  static func table(_ resource: LiveResource, warnings: inout [String]) -> String? {
    let name = resource.address.name
    guard isIdentifier(name) else {
      warnings.append(
        "\(resource.address): the name is not letters, digits and underscores (at most 63), "
          + "so no manifest can declare it; it was not exported")
      return nil
    }
    let columns = resource.fields["columns"]?.arrayValue?.compactMap(\.stringValue) ?? []
    var lines = ["apiVersion: heho/v1", "kind: Table", "metadata:", "  name: \(name)", "spec:"]
    if columns.isEmpty {
      lines.append("  connect: true")
      return lines.joined(separator: "\n") + "\n"
    }
    lines.insert(
      "# HeHo does not report primary keys or defaults: add primaryKey and defaultValue "
        + "before applying this to another account.", at: 0)
    lines.append("  columns:")
    for column in columns {
      let type = resource.fields["columns.\(column).type"]?.stringValue ?? ""
      guard isIdentifier(column), isKnownType(type) else {
        warnings.append(
          "\(resource.address): column '\(column)' (type '\(type)') cannot be declared in a "
            + "manifest; the table was not exported")
        return nil
      }
      var entry =
        "    - { name: \(ExportYAML.scalar(column)), type: \(ExportYAML.scalar(type))"
      if resource.fields["columns.\(column).required"]?.boolValue == true {
        entry += ", notNull: true"
      }
      lines.append(entry + " }")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A Chatbot document and, for a long description, the prompt file's text.
  static func chatbot(
    _ resource: LiveResource, promptReference: String, warnings: inout [String]
  ) -> (text: String, prompt: String?) {
    let fields = resource.fields
    var lines = [
      "apiVersion: heho/v1", "kind: Chatbot", "metadata:",
      "  name: \(ExportYAML.scalar(resource.address.name))", "spec:",
    ]
    func text(_ field: String) -> String? { fields[field]?.stringValue }
    for field in ["goal", "model"] where (text(field) ?? "").isEmpty {
      warnings.append(
        "\(resource.address) has no \(field) on the platform; fill in spec.\(field) before applying"
      )
    }
    lines.append("  goal: \(ExportYAML.scalar(text("goal") ?? "", interpolated: true))")
    var prompt: String?
    let description = text("description") ?? ""
    if description.count < ChatbotKind.minDescriptionLength {
      warnings.append(
        "\(resource.address)'s description has \(description.count) characters; manifests need "
          + "at least \(ChatbotKind.minDescriptionLength): lengthen it before applying")
    }
    if needsPromptFile(description) {
      lines.append("  descriptionFile: \(ExportYAML.scalar(promptReference))")
      prompt = description + "\n"
    } else {
      lines.append("  description: \(ExportYAML.scalar(description, interpolated: true))")
    }
    lines.append("  model: \(ExportYAML.scalar(text("model") ?? "", interpolated: true))")
    if let tone = text("tone"), tone != HeHoCompiler.toneDefault {
      lines.append("  tone: \(ExportYAML.scalar(tone))")
    }
    if let theme = text("theme"), theme != HeHoCompiler.themeDefault {
      lines.append("  theme: \(ExportYAML.scalar(theme))")
    }
    return (lines.joined(separator: "\n") + "\n", prompt)
  }

  /// A Permission document; rights left at their default (false) are left out.
  static func permission(name: String, chatbot: String, table: String, rights: [String]) -> String {
    var lines = [
      "apiVersion: heho/v1", "kind: Permission", "metadata:", "  name: \(name)", "spec:",
      "  chatbot: \(ExportYAML.scalar(chatbot, interpolated: true))",
      "  table: \(ExportYAML.scalar(table, interpolated: true))",
    ]
    for right in ["read", "write", "edit"] where rights.contains(right) {
      lines.append("  \(right): true")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The chatbot's table grants (`access.TABLE` fields), sorted by table.
  static func grants(of resource: LiveResource) -> [(table: String, rights: [String])] {
    resource.fields.keys.filter { $0.hasPrefix("access.") }.sorted().map { key in
      let rights = resource.fields[key]?.arrayValue?.compactMap(\.stringValue) ?? []
      return (String(key.dropFirst("access.".count)), rights)
    }
  }

  /// Whether a prompt file holds the description better than an inline string: it is long,
  /// and reads back unchanged (the loader drops a final line break and a byte-order mark).
  static func needsPromptFile(_ description: String) -> Bool {
    let lines = description.split(separator: "\n", omittingEmptySubsequences: false).count
    let long =
      description.count > HeHoExporter.inlineDescriptionLimit
      || lines > HeHoExporter.inlineDescriptionLines
    let faithful =
      !description.contains("\r") && !description.hasSuffix("\n")
      && !description.hasPrefix("\u{FEFF}")
    return long && faithful
  }

  /// Whether a chatbot name can be a manifest's `metadata.name`; warns when it cannot.
  static func isValidChatbotName(_ name: String, warnings: inout [String]) -> Bool {
    let printable = !name.unicodeScalars.contains {
      $0.value < 0x20 || $0.value == 0x7F
    }
    if !name.isEmpty && name.count <= 100 && printable { return true }
    warnings.append(
      "chatbot/\(name): the name is not 1 to 100 printable characters, so no manifest can "
        + "declare it; it was not exported")
    return false
  }

  static func isIdentifier(_ name: String) -> Bool {
    !name.isEmpty && name.count <= 63
      && name.unicodeScalars.allSatisfy {
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
      }
  }

  static func isKnownType(_ type: String) -> Bool {
    type.range(of: ColumnTypes.pattern, options: [.regularExpression, .caseInsensitive]) != nil
  }
}
