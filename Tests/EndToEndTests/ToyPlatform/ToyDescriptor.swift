import Foundation
import HehoEngine
import HehoManifest
import PlatformKit

/// A second platform defined only in the tests, registered beside HeHo, to prove the plugin
/// seam: its kind, provider and exporter live here, and nothing in HehoManifest, HehoEngine or
/// HehoCLI names it.
struct ToyDescriptor: PlatformDescriptor {
  /// The accounts behind every provider this descriptor makes.
  let store: ToyStore

  var name: String { "toy" }
  var displayName: String { "Toy" }
  var apiVersion: String { "toy/v1" }
  var defaultEndpoint: String { "https://api.toy.example/v1" }
  var defaultKeyVariable: String { "TOY_API_KEY" }
  var kinds: [any ManifestKind] { [WidgetKind()] }

  func makeProvider(_ access: PlatformAccess) -> any Provider {
    ToyProvider(store: store, access: access)
  }

  func export(_ live: LiveState, layout: ExportLayout, provider: any Provider) async throws
    -> PlatformExport
  {
    var files: [PlatformExport.File] = []
    for resource in live.resources where resource.address.kind == "widget" {
      let text = """
        apiVersion: toy/v1
        kind: Widget
        metadata:
          name: \(resource.address.name)
        spec:
          color: \(resource.fields["color"]?.stringValue ?? "red")
          enabled: \(resource.fields["enabled"]?.boolValue ?? true)

        """
      files.append(.init(path: "widgets/\(resource.address.name).yaml", contents: text))
    }
    return PlatformExport(files: files, counts: [("widget", files.count)])
  }
}

/// `kind: Widget` (`toy/v1`): a color and a switch.
struct WidgetKind: ManifestKind {
  var name: String { "Widget" }
  var summary: String { "A toy widget." }
  var nameSchema: FieldSchema { NamePatterns.resourceName("widget name") }
  var specSchema: FieldSchema {
    .object(
      "Widget spec",
      [
        .init("color", required: true, .oneOf(["red", "green", "blue"], "the widget's color")),
        .init("enabled", .boolean("whether it is on (default true)")),
      ])
  }
}
