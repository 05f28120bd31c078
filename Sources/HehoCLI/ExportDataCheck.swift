import HehoManifest
import PlatformKit

/// `heho export --data` exports the records of data kinds (a `TableData`'s rows of a
/// `Table`): the kinds that read records from a data file. Which platforms have such kinds,
/// and what they hold, come from the platforms' kinds, never from a platform's name.
enum ExportDataCheck {
  /// The kinds of `platform` whose resources hold records read from data files.
  static func dataKinds(of platform: any PlatformDescriptor) -> [any ManifestKind] {
    platform.kinds.filter { $0.dataFileField != nil }
  }

  /// Refuses `--data` when no platform in `chosen` has a data kind, saying which platforms of
  /// `registry` have one.
  static func check(_ chosen: [any PlatformDescriptor], registry: PlatformRegistry) throws {
    guard !chosen.contains(where: { !dataKinds(of: $0).isEmpty }) else { return }
    let holders = registry.platforms.filter { !dataKinds(of: $0).isEmpty }
    guard let first = holders.first else {
      throw CommandFailure.report("--data exports records, but no platform has data kinds")
    }
    let kinds = holders.flatMap(dataKinds(of:))
    let containers = kinds.compactMap { $0.referenceFields.first?.kind }
    let what =
      containers.isEmpty
      ? kinds.map(\.name).joined(separator: ", ")
      : containers.joined(separator: ", ") + " resources (as "
        + kinds.map(\.name).joined(separator: ", ") + ")"
    throw CommandFailure.report(
      "--data exports the records of \(what), but no platform being exported has them; "
        + "export \(holders.map(\.name).joined(separator: " or ")) too (--platform \(first.name))")
  }
}
