import ArgumentParser
import Foundation
import HehoEngine
import HehoManifest

/// `heho output`: what the platforms assigned to the managed resources (IDs, embed codes),
/// read live: heho keeps no state file.
struct OutputCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "output",
    abstract: "Show the IDs and other values the platforms assigned to the managed resources.",
    discussion: """
      Read from the live platforms each time. Exits 1 when a managed resource is not on its \
      platform (run heho apply), or is there more than once.
      """)

  @OptionGroup var project: ProjectOptions

  @Option(name: .long, help: "text or json.")
  var output: OutputFormat = .text

  enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  func run() async throws {
    let console = ConsoleContext.current
    let report = try await CommandSession.with(project) { session in
      do {
        let compiled = try session.provider.compile(session.state)
        let live: LiveState
        if let prefetched = session.live {
          live = try await prefetched.value
        } else {
          live = try await session.provider.fetchLiveState()
        }
        let provider = session.provider
        let values = try await Self.values(
          of: live.resources, declared: Set(compiled.items.map(\.address)), from: provider)
        return OutputReport(items: compiled.items, live: live, kinds: provider.kinds) {
          values[$0.id] ?? [:]
        }
      } catch let error as ProviderError {
        throw CommandFailure.report(error.message)
      }
    }
    switch output {
    case .json: console.out(try JSONText.encode(report, what: "the outputs"))
    case .text: console.out(Self.text(report))
    }
    if !report.absent.isEmpty { throw ExitCode.failure }
  }

  /// The values beyond the ID of each declared live resource, by ID, read eight at a time.
  static func values(
    of resources: [LiveResource], declared: Set<ResourceAddress>, from provider: any Provider
  ) async throws -> [String: [String: Value]] {
    let wanted = resources.filter { declared.contains($0.address) }
    let found = try await BoundedTasks.map(wanted, width: 8) { try await provider.outputs(of: $0) }
    var values: [String: [String: Value]] = [:]
    for (resource, value) in zip(wanted, found) where !value.isEmpty { values[resource.id] = value }
    return values
  }

  /// One line per resource: address, platform, ID, then other values indented.
  static func text(_ report: OutputReport) -> String {
    var lines: [String] = []
    let width = (report.outputs.map(\.address.description.count) + [0]).max() ?? 0
    for entry in report.outputs {
      let address = entry.address.description
      lines.append(
        address + String(repeating: " ", count: width - address.count)
          + "  id = \(entry.id)  (\(entry.platform))")
      for (name, value) in entry.values.sorted(by: { $0.key < $1.key }) {
        lines.append("    \(name) = \(value.stringValue ?? "\(value)")")
      }
    }
    for absent in report.absent {
      lines.append("\(absent.address)  (\(absent.platform)): \(absent.reason)")
    }
    return lines.isEmpty ? "No managed resources." : lines.joined(separator: "\n")
  }
}
