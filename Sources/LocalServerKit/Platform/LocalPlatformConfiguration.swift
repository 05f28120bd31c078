/// How to start a local platform.
public struct LocalPlatformConfiguration: Sendable {
  /// Address to bind (default `127.0.0.1`, loopback only).
  public var host: String
  /// Port to bind; 0 picks a free port.
  public var port: Int
  /// The SQLite file of the platform; `nil` uses a fresh temporary database removed on shutdown.
  ///
  /// Each organization's tables live in their own file beside it, in `PATH-orgs/`.
  public var databasePath: String?
  /// The key to seed for the `default` organization; `nil` generates one.
  public var apiKey: String?
  /// Latency and faults injected into every platform's API requests.
  public var faults: FaultConfiguration
  /// Whether a second resource with an existing name is refused with 409, where a seed leaves
  /// names free (HeHo chatbots).
  ///
  /// Off by default: the seeds never say such names are unique, so neither does the local
  /// platform (`docs/heho-api-contract.md`). HeHo tables are always unique by name.
  public var uniqueNames: Bool
  /// Where chat replies come from: `nil` answers locally from the bot's own data; a URL sends
  /// them to an OpenAI-compatible server (`URL/chat/completions`).
  public var chatEndpoint: String?
  /// Requests per second each organization may make to a platform that documents rate limits;
  /// 0 turns the limit off.
  public var rateLimit: Int
  /// Each platform's own settings, keyed by platform name (`LocalPlatformSettings.platform`);
  /// a platform missing here runs on its defaults.
  public var platformSettings: [String: any LocalPlatformSettings]

  /// Creates a configuration.
  public init(
    host: String = "127.0.0.1", port: Int = 0, databasePath: String? = nil, apiKey: String? = nil,
    faults: FaultConfiguration = .none, uniqueNames: Bool = false, chatEndpoint: String? = nil,
    rateLimit: Int = 50, platformSettings: [any LocalPlatformSettings] = []
  ) {
    self.chatEndpoint = chatEndpoint
    self.rateLimit = rateLimit
    self.platformSettings = [:]
    self.host = host
    self.port = port
    self.databasePath = databasePath
    self.apiKey = apiKey
    self.faults = faults
    self.uniqueNames = uniqueNames
    for settings in platformSettings { set(settings) }
  }

  /// The settings of `type`'s platform: the ones set, else the platform's defaults.
  public func settings<Settings: LocalPlatformSettings>(as type: Settings.Type) -> Settings {
    platformSettings[Settings.platform] as? Settings ?? Settings()
  }

  /// Sets the settings of `settings`' platform, replacing any set before.
  public mutating func set<Settings: LocalPlatformSettings>(_ settings: Settings) {
    platformSettings[Settings.platform] = settings
  }
}
