import ArgumentParser
import HehoEngine
import HehoManifest

/// `heho test --coverage`: what the conversation tests leave uncovered, from the manifests
/// alone (a sandbox session compiles them; no platform is read and no key is needed).
struct CoverageRun: Sendable {
  /// The manifests.
  var project: ProjectOptions

  /// The coverage of the manifests by their tests.
  func coverage() async throws -> TestCoverage {
    var sandbox = project
    sandbox.local = true
    return try await CommandSession.with(
      sandbox, prefetchLive: false, embedded: .sandbox(chatEndpoint: nil)
    ) { session in
      let tests = session.state.tests.compactMap(ConversationTest.init)
      do {
        let items = try session.provider.compile(session.state).items
        return TestCoverage(tests: tests, items: items, kinds: session.provider.kinds)
      } catch let error as ProviderError {
        throw CommandFailure.report(error.message)
      }
    }
  }

  /// The coverage as text: each role's uncovered resources, or that all are covered.
  static func text(_ coverage: TestCoverage) -> String {
    var lines = ["Conversation test coverage:"]
    func section(_ title: String, _ role: ConversationRole, _ addresses: [String]) {
      let total = coverage.counts[role.rawValue] ?? 0
      let covered = total - addresses.count
      lines.append("  \(title): \(covered) of \(total) covered")
      for address in addresses { lines.append("    - \(address)") }
    }
    section("chatbots, bots and agents a test targets", .conversational, coverage.untested)
    section("documents a test cites", .document, coverage.uncited)
    section("webhooks a test expects a delivery on", .webhook, coverage.unexpected)
    return lines.joined(separator: "\n")
  }
}
