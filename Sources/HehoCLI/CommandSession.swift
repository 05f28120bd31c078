import ArgumentParser
import Foundation
import HehoEngine
import HehoManifest
import PlatformKit

/// What a plan or apply works on: the loaded manifests and the platforms they use, grouped
/// into one provider.
struct CommandSession: Sendable {
  /// The desired state from the manifests.
  var state: DesiredState
  /// The platforms in use, as one provider (one compile, one live state, one apply graph).
  var provider: ProviderGroup
  /// The embedded platform, when `--local` started one.
  var embedded: EmbeddedPlatform?
  /// The live state, read while the manifests loaded (when asked for).
  var live: Task<LiveState, any Error>?

  /// Loads the manifests (reporting every diagnostic) and sets up the platforms they use.
  ///
  /// The project file alone says how to reach each platform, so providers are set up as soon
  /// as it is read. With `prefetchLive`, a platform's live state is read as soon as the first
  /// document of one of its kinds is parsed (or at once, for a platform the project prunes),
  /// while the rest loads. Only platforms in use are contacted. A problem reaching one is
  /// reported only once the manifests are known to be valid.
  ///
  /// `embedded` says which platform `--local` starts; `probeLocalExtras` asks each endpoint
  /// whether it is HehoLocal (`PlatformConnection.open`).
  static func open(
    _ options: ProjectOptions, prefetchLive: Bool, embedded: EmbeddedSettings = .project,
    probeLocalExtras: Bool = false
  ) async throws -> CommandSession {
    var opening = SessionOpening(options, embedded: embedded)
    await opening.connect(probeLocalExtras: probeLocalExtras)
    if prefetchLive { opening.prefetchAsKindsAppear() }
    let (state, connected) = try await opening.loadManifests()
    return try await opening.assemble(state, on: connected, prefetchLive: prefetchLive)
  }

  /// Stops what the session started.
  func close() async {
    live?.cancel()
    await embedded?.shutdown()
  }

  /// Runs `body` with the session open and closes it afterwards, also on errors.
  static func with<T: Sendable>(
    _ options: ProjectOptions, prefetchLive: Bool = true, embedded: EmbeddedSettings = .project,
    probeLocalExtras: Bool = false, _ body: (CommandSession) async throws -> T
  ) async throws -> T {
    let session = try await open(
      options, prefetchLive: prefetchLive, embedded: embedded,
      probeLocalExtras: probeLocalExtras)
    do {
      let value = try await body(session)
      await session.close()
      // The desired state (every resource as loaded) is freed while the command goes on.
      BackgroundRelease.release(session)
      return value
    } catch {
      await session.close()
      throw error
    }
  }
}
