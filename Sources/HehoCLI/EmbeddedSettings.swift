/// Which embedded platform `--local` starts: the project's own (`.heho/local.sqlite`, kept
/// between runs), or a sandbox (`heho test --local`): a throwaway database, so that a test run
/// sees exactly the manifests and nothing an earlier run left.
struct EmbeddedSettings: Sendable {
  /// The database file; `nil` is a temporary one, removed when the platform stops.
  var databasePath: String?
  /// An OpenAI-compatible server the platform's chats answer through; `nil` answers from the
  /// bots' own data, deterministically.
  var chatEndpoint: String?

  /// The project's local platform.
  static let project = EmbeddedSettings(databasePath: EmbeddedPlatform.databasePath)

  /// A throwaway platform for one test run.
  static func sandbox(chatEndpoint: String?) -> EmbeddedSettings {
    EmbeddedSettings(databasePath: nil, chatEndpoint: chatEndpoint)
  }
}
