import ArgumentParser
import Foundation
import LocalServerKit
import PlatformKit
import PlatformRegistry

/// `heho local serve`: serve the platform API until interrupted.
struct LocalServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve every platform's API on loopback, on one port, from one SQLite file.",
    discussion:
      "Each platform sits at its seed's paths, so a project's endpoints are the seeds' base URLs with the host swapped."
  )

  @Option(help: "Address to listen on (loopback by default).")
  var host = "127.0.0.1"

  @Option(help: "Port to listen on (0 picks a free port).")
  var port = 8080

  @Option(name: .customLong("db"), help: "The SQLite database file.")
  var databasePath = LocalCommand.defaultDatabasePath

  @Option(
    name: .customLong("api-key"),
    help: "Seed this key for the 'default' organization (or set HEHO_LOCAL_API_KEY).")
  var apiKey: String?

  @Option(help: "Milliseconds of latency added to every platform API request.")
  var latency = 0

  @Option(
    name: .customLong("fault-rate"),
    help: "Probability (0 to 1) that a platform API request faults.")
  var faultRate = 0.0

  @Option(name: .customLong("fault-seed"), help: "Seed of the fault sequence.")
  var faultSeed: UInt64 = 0

  @Option(help: "Fault kinds, comma-separated: 429,500,503,drop,commit-then-fail (default: all).")
  var faults: String?

  @Option(name: .customLong("retry-after"), help: "Retry-After seconds sent with injected 429s.")
  var retryAfter = 1

  @Flag(
    name: .customLong("unique-names"),
    help: ArgumentHelp(
      "Refuse a second resource with an existing name where the API leaves names free (409).",
      discussion: "The seeds promise no such check (HeHo chatbots), so by default names may repeat."
    ))
  var uniqueNames = false

  @Option(
    name: .customLong("chat-endpoint"),
    help:
      "Send chat replies to this OpenAI-compatible server (URL/chat/completions) instead of answering from the bots' own data."
  )
  var chatEndpoint: String?

  @Option(
    name: .customLong("rate-limit"),
    help:
      "Requests per second each organization may make where a platform documents rate limits (0: off)."
  )
  var rateLimit = 50

  /// Each platform's own options, under its name in the help.
  @OptionGroup var platformOptions: PlatformServeOptions

  func validate() throws {
    guard rateLimit >= 0 else {
      throw ValidationError("--rate-limit must be 0 or more (got \(rateLimit))")
    }
    if let chatEndpoint {
      guard let url = URL(string: chatEndpoint), ["http", "https"].contains(url.scheme ?? ""),
        url.host != nil
      else {
        throw ValidationError("--chat-endpoint must be an http or https URL (got \(chatEndpoint))")
      }
    }
    guard (0...1).contains(faultRate) else {
      throw ValidationError("--fault-rate must be between 0 and 1 (got \(faultRate))")
    }
    guard latency >= 0 else {
      throw ValidationError("--latency must be 0 or more (got \(latency))")
    }
    guard (0...65535).contains(port) else {
      throw ValidationError("--port must be between 0 and 65535 (got \(port))")
    }
    _ = try faultKinds()
  }

  func faultKinds() throws -> Set<FaultConfiguration.Kind> {
    guard let faults else { return Set(FaultConfiguration.Kind.allCases) }
    var kinds: Set<FaultConfiguration.Kind> = []
    for name in faults.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
      guard let kind = FaultConfiguration.Kind(commandLineName: name) else {
        throw ValidationError(
          "--faults: unknown kind '\(name)'; use "
            + FaultConfiguration.Kind.allCases.map(\.commandLineName).joined(separator: ","))
      }
      kinds.insert(kind)
    }
    return kinds
  }

  func run() async throws {
    let console = ConsoleContext.current
    let key = apiKey ?? ProcessInfo.processInfo.environment["HEHO_LOCAL_API_KEY"]
    let faultConfiguration = FaultConfiguration(
      latencyMilliseconds: latency, rate: faultRate, seed: faultSeed, kinds: try faultKinds(),
      retryAfterSeconds: retryAfter)
    let platform = try await LocalPlatform.start(
      LocalPlatformConfiguration(
        host: host, port: port, databasePath: databasePath, apiKey: key,
        faults: faultConfiguration, uniqueNames: uniqueNames, chatEndpoint: chatEndpoint,
        rateLimit: rateLimit, platformSettings: platformOptions.settings))
    console.out("HehoLocal at \(platform.baseURL) (database \(databasePath)), serving:")
    if let base = URL(string: platform.baseURL) {
      for served in ActivePlatforms.registry.platforms {
        console.out("  \(served.name): endpoint \(served.endpoint(on: base).absoluteString)")
      }
    }
    if platform.createdDefaultOrganization && key == nil {
      console.out("Created organization 'default'. Its API key (shown once):")
      console.out("")
      for served in ActivePlatforms.registry.platforms {
        console.out("  export \(served.defaultKeyVariable)=\(platform.apiKey)")
      }
      console.out("")
      console.out("More keys: heho local keys create --org NAME --db \(databasePath)")
    } else if key != nil {
      console.out("Organization 'default' accepts the given API key.")
    } else {
      console.out("Organization 'default' exists; its keys are stored hashed and cannot be shown.")
      console.out("Create one with: heho local keys create --org default --db \(databasePath)")
    }
    if faultConfiguration.isActive {
      console.err(
        "Fault injection on: latency \(latency) ms, rate \(faultRate), seed \(faultSeed), kinds "
          + faultConfiguration.kinds.map(\.commandLineName).sorted().joined(separator: ","))
    }
    if uniqueNames { console.out("Names are unique per organization (--unique-names).") }
    console.out("Press Ctrl-C to stop.")
    await LocalSignals.waitForInterrupt()
    console.out("Stopping.")
    try await platform.shutdown()
  }
}
