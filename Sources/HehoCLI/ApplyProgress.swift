import Foundation
import HehoEngine

/// Shows apply's progress: a line per finished step with its duration, then the summary.
struct ApplyProgress: Sendable {
  var console: Console

  func show(_ event: ApplyEvent) {
    let color = console.useColor && (ProcessEnvironment.current["NO_COLOR"] ?? "").isEmpty
    switch event {
    case .started(let step):
      if console.isTerminal { console.out(paint("  … \(step.id)", "2", color)) }
    case .finished(let record):
      let seconds =
        Double(record.duration.components.attoseconds) / 1e18
        + Double(record.duration.components.seconds)
      let time = String(format: "%.2fs", seconds)
      switch record.status {
      case .succeeded(let adopted):
        let note = adopted ? " (found on the platform after an unclear response; adopted)" : ""
        console.out(paint("  ✓ \(record.step.id)", "32", color) + " (\(time))\(note)")
      case .failed(let message):
        console.out(paint("  ✗ \(record.step.id)", "31", color) + " (\(time)): \(message)")
      case .skipped(let blocker):
        console.out(
          paint("  - \(record.step.id)", "33", color) + " skipped: \(blocker) did not succeed")
      case .notStarted:
        break
      }
    }
  }

  func summarize(_ report: ApplyReport) {
    if !report.failed.isEmpty {
      console.out("")
      console.out("Failed:")
      for failure in report.failed { console.out("  \(failure.address): \(failure.message)") }
    }
    if !report.skipped.isEmpty {
      console.out(
        "Skipped (something they need failed): "
          + report.skipped.map(\.description).joined(separator: ", "))
    }
    if !report.mismatches.isEmpty {
      console.out("")
      console.out("Read back after apply, the platform did not keep these as written:")
      for mismatch in report.mismatches {
        console.out("  \(mismatch.address) (\(mismatch.platform)): \(mismatch.message)")
      }
    }
    if report.interrupted {
      console.out(
        "Not started (interrupted): "
          + report.notStarted.map(\.description).joined(separator: ", ")
          + ". Run heho apply again to finish.")
    }
    console.out("")
    console.out(report.summaryLine)
    for line in report.platformLines { console.out(line) }
  }

  func paint(_ text: String, _ code: String, _ color: Bool) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
