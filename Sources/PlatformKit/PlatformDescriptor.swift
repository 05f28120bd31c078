import Foundation
import HehoEngine
import HehoManifest

/// One platform heho manages: the unit of extension.
///
/// A platform is one folder (its kinds and rules, wire types, provider, normalizer, exporter
/// and this descriptor) and one line in the registry. Nothing in the manifest layer, the
/// engine or the command line names a platform; they all ask the registry.
public protocol PlatformDescriptor: Sendable {
  /// The name in `spec.providers`, plans and reports (`heho`).
  var name: String { get }
  /// The name people use (`HeHo`).
  var displayName: String { get }
  /// The `apiVersion` of the platform's manifests (`heho/v1`).
  var apiVersion: String { get }
  /// The base URL its seed gives (`https://heho.vercel.app`).
  var defaultEndpoint: String { get }
  /// The environment variable its key comes from by default (`HEHO_API_KEY`).
  var defaultKeyVariable: String { get }
  /// Its manifest kinds with their schemas and rules, in the order editors list them. Kind
  /// names are unique across platforms.
  var kinds: [any ManifestKind] { get }

  /// The provider for the platform reached through `access`.
  func makeProvider(_ access: PlatformAccess) -> any Provider

  /// Manifests for everything in a live account of this platform, from its normalized live
  /// state: the platform's own files (the project file is written by the caller). `provider`
  /// is the one `makeProvider` made for the account, for what the live state leaves out (the
  /// content of uploaded files).
  func export(_ live: LiveState, layout: ExportLayout, provider: any Provider) async throws
    -> PlatformExport
}

extension PlatformDescriptor {
  /// The manifest layer's view of the platform: its `apiVersion`, defaults and kinds.
  public var kindGroup: KindRegistry.Group {
    KindRegistry.Group(
      name: name, apiVersion: apiVersion,
      defaults: ProjectSettings.Provider(endpoint: defaultEndpoint, apiKeyEnv: defaultKeyVariable),
      kinds: kinds)
  }

  /// The platform's endpoint on a server that serves it at its seed's paths (the local
  /// platform): `base` with the path of `defaultEndpoint` (`http://127.0.0.1:8080` gives
  /// `http://127.0.0.1:8080/v1` for `https://api.bothero.ai/v1`).
  public func endpoint(on base: URL) -> URL {
    let path = URLComponents(string: defaultEndpoint)?.path ?? ""
    let trimmed = path.split(separator: "/").joined(separator: "/")
    return trimmed.isEmpty ? base : base.appendingPathComponent(trimmed)
  }

  /// Whether a resource address of `kind` (`table`) belongs to this platform.
  public func owns(addressKind kind: String) -> Bool {
    kinds.contains { $0.name.lowercased() == kind.lowercased() }
  }
}
