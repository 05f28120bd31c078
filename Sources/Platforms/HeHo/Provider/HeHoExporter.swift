import Foundation
import HehoEngine
import HehoManifest
import PlatformKit

/// Writes manifests for everything in a HeHo account, from its normalized live state.
///
/// Values equal to the platform's defaults are left out; permissions are rebuilt from the
/// chatbots' table slots; long descriptions go to `prompts/NAME.md`. The output is sorted and
/// deterministic, and `heho plan` on it shows no changes against the account it came from.
public struct HeHoExporter: Sendable {
  /// How the files are laid out.
  public var layout: ExportLayout

  /// Descriptions longer than this many characters go to a prompt file.
  public static let inlineDescriptionLimit = 300
  /// Descriptions with more lines than this go to a prompt file.
  public static let inlineDescriptionLines = 3

  /// Creates an exporter.
  public init(layout: ExportLayout) {
    self.layout = layout
  }

  /// A manifest document of one kind, before files are assembled.
  struct Document {
    var kind: HeHoKind
    var base: String
    var text: String
  }

  /// The files for `live`.
  public func export(_ live: LiveState) -> PlatformExport {
    var warnings: [String] = []
    var naming = ExportNaming()
    var documents: [Document] = []
    var prompts: [PlatformExport.File] = []
    var byAddress: [ResourceAddress: [LiveResource]] = [:]
    for resource in live.resources { byAddress[resource.address, default: []].append(resource) }
    var exportedTables = Set<String>()
    let tableKind = HeHoKind.table.addressKind
    let chatbotKind = HeHoKind.chatbot.addressKind
    for (address, resources) in byAddress.sorted(by: { $0.key < $1.key }) {
      guard resources.count == 1, let resource = resources.first else {
        warnings.append(
          "\(address) is on the platform \(resources.count) times; names are identities in "
            + "heho, so it was not exported: rename or delete the copies, then export again")
        continue
      }
      switch HeHoKind(addressKind: address.kind) {
      case .table:
        guard let text = HeHoExportDocuments.table(resource, warnings: &warnings) else { continue }
        exportedTables.insert(address.name)
        documents.append(
          Document(
            kind: .table, base: naming.name(address.name, fallback: tableKind, in: tableKind),
            text: text))
      case .chatbot:
        continue
      default:
        warnings.append("\(address): heho cannot export a \(address.kind)")
      }
    }
    for (address, resources) in byAddress.sorted(by: { $0.key < $1.key })
    where address.kind == chatbotKind && resources.count == 1 {
      guard let resource = resources.first,
        HeHoExportDocuments.isValidChatbotName(address.name, warnings: &warnings)
      else { continue }
      let base = naming.name(address.name, fallback: chatbotKind, in: chatbotKind)
      let promptPath = "prompts/\(base).md"
      let reference = layout.perKind ? promptPath : "../\(promptPath)"
      let chatbot = HeHoExportDocuments.chatbot(
        resource, promptReference: reference, warnings: &warnings)
      if let prompt = chatbot.prompt {
        prompts.append(PlatformExport.File(path: promptPath, contents: prompt))
      }
      documents.append(Document(kind: .chatbot, base: base, text: chatbot.text))
      for (table, rights) in HeHoExportDocuments.grants(of: resource) {
        guard exportedTables.contains(table) else {
          warnings.append(
            "\(address) uses table '\(table)', which is not exported; its permission was left "
              + "out: add the table to the platform or remove it from the chatbot")
          continue
        }
        let name = naming.unique(
          ExportNaming.slug(address.name, fallback: chatbotKind) + "-"
            + ExportNaming.slug(table, fallback: tableKind), in: HeHoKind.permission.addressKind)
        documents.append(
          Document(
            kind: .permission, base: name,
            text: HeHoExportDocuments.permission(
              name: name, chatbot: address.name, table: table, rights: rights)))
      }
    }
    return assemble(documents, prompts: prompts, warnings: warnings)
  }

  func assemble(
    _ documents: [Document], prompts: [PlatformExport.File], warnings: [String]
  ) -> PlatformExport {
    let header = "# Exported by heho export from the live platform.\n"
    var files = prompts
    var counts: [(kind: String, count: Int)] = []
    for kind in [HeHoKind.table, .chatbot, .permission] {
      let ofKind = documents.filter { $0.kind == kind }.sorted { $0.base < $1.base }
      counts.append((kind.addressKind, ofKind.count))
      // The folder is the address kind in the plural: `tables`, `chatbots`, `permissions`.
      let folder = kind.addressKind + "s"
      guard !ofKind.isEmpty else { continue }
      if layout.perKind {
        let text = ofKind.map(\.text).joined(separator: "---\n")
        files.append(PlatformExport.File(path: "\(folder).yaml", contents: header + text))
      } else {
        for document in ofKind {
          files.append(
            PlatformExport.File(
              path: "\(folder)/\(document.base).yaml", contents: header + document.text))
        }
      }
    }
    return PlatformExport(files: files, warnings: warnings, counts: counts)
  }
}
