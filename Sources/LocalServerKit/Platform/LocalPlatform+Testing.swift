/// What tests do to a running local platform: more organizations, faults and settings changed
/// while it runs, and the request counts. No command uses these, so they are kept out of the
/// API a caller sees without `@_spi(Testing) import LocalServerKit`.
extension LocalPlatform {
  /// Creates an organization (or adds a key to an existing one) and returns the new key,
  /// valid on `platforms` (`nil`: every platform).
  @_spi(Testing)
  public func createOrganization(named name: String, platforms: [String]? = nil) async throws
    -> String
  {
    try await Self.addKey(toOrganization: name, platforms: platforms, services: services)
  }

  /// Replaces the latency and fault settings; the fault sequence restarts from the seed.
  @_spi(Testing)
  public func setFaults(_ faults: FaultConfiguration) async {
    services.injector.reconfigure(faults)
  }

  /// Replaces one platform's own settings while it runs: reaches what the platform reads per
  /// request (HeHo's test-only stored theme), not what it read when it opened.
  @_spi(Testing)
  public func setSettings<Settings: LocalPlatformSettings>(_ settings: Settings) async {
    services.platformSettings.replace(with: settings)
  }

  /// Request counts of the platform API so far.
  @_spi(Testing)
  public func metrics() async -> LocalMetrics {
    services.recorder.snapshot
  }

  /// Zeroes the request counts.
  @_spi(Testing)
  public func resetMetrics() async {
    services.recorder.reset()
  }
}
