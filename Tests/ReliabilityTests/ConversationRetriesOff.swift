import HehoEngine
import HehoManifest
import PlatformKit
import PlatformRegistry

/// A platform whose client gives up on a conversation's request at its first fault: the
/// standard platform in all else (plans, applies and reads retry as usual). The negative test
/// runs `heho test` with it, so that a fault on a turn or a check turns into an error, which
/// the comparison with the fault-free verdicts must catch.
struct ConversationRetriesOff: PlatformDescriptor {
  /// The standard platform wrapped.
  let base: any PlatformDescriptor

  /// The standard registry, every platform wrapped.
  static var registry: PlatformRegistry {
    PlatformRegistry(PlatformRegistry.standard.platforms.map { Self(base: $0) })
  }

  var name: String { base.name }
  var displayName: String { base.displayName }
  var apiVersion: String { base.apiVersion }
  var defaultEndpoint: String { base.defaultEndpoint }
  var defaultKeyVariable: String { base.defaultKeyVariable }
  var kinds: [any ManifestKind] { base.kinds }

  func makeProvider(_ access: PlatformAccess) -> any Provider {
    var access = access
    let standard = access.retry
    // The pause before a retry is where the client can refuse one: it throws for a request of
    // a conversation (labeled `test NAME: run R turn T`), so the fault stands.
    access.retry.sleep = { delay in
      if PlatformOperation.current?.hasPrefix("test ") == true {
        throw RetryRefused(operation: PlatformOperation.current ?? "")
      }
      try await standard.sleep(delay)
    }
    return base.makeProvider(access)
  }

  func export(_ live: LiveState, layout: ExportLayout, provider: any Provider) async throws
    -> PlatformExport
  {
    try await base.export(live, layout: layout, provider: provider)
  }

  /// A retry of a conversation's request, refused on purpose.
  struct RetryRefused: Error, CustomStringConvertible {
    var operation: String
    var description: String { "retries are off for \(operation) (the negative test)" }
  }
}
