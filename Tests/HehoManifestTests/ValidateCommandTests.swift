import ArgumentParser
import Foundation
import HehoCLI
import HehoManifest
import HehoTestSupport
import Testing

@Suite("heho validate")
struct ValidateCommandTests {
  func run(_ arguments: [String]) async throws -> (output: String, exitCode: Int32) {
    let captured = OutputCapture()
    var code: Int32 = 0
    let console = Console(out: captured.out, err: captured.out)
    try await ConsoleContext.$current.withValue(console) {
      var command = try HehoCommand.parseAsRoot(arguments)
      do {
        if var asyncCommand = command as? any AsyncParsableCommand {
          try await asyncCommand.run()
        } else {
          try command.run()
        }
      } catch let exit as ExitCode {
        code = exit.rawValue
      }
    }
    return (String(captured.captured.out.dropLast()), code)
  }

  @Test func validExampleSaysValid() async throws {
    let path = Fixtures.repositoryRoot.appendingPathComponent("examples/support-desk").path
    let (output, code) = try await run(["validate", "-f", path])
    #expect(code == 0)
    #expect(output.hasSuffix("Valid: 10 resources in 4 files."), "\(output)")
  }

  @Test func errorsAreListedLikeACompiler() async throws {
    let files = try TemporaryManifests([
      "a.yaml": Fixtures.chatbot("bot", extra: "  tonne: friendly\n"), "b.yaml": "",
    ])
    let (output, code) = try await run(["validate", "-f", files.path])
    #expect(code == 1)
    let lines = output.split(separator: "\n").map(String.init)
    #expect(
      lines.first?.hasSuffix(
        "a.yaml:9:3: error: unknown field 'tonne' in Chatbot spec; did you mean 'tone'?") == true,
      "\(output)")
    #expect(lines.last == "1 error, 1 warning in 2 files")
  }

  @Test func jsonOutputIsVersioned() async throws {
    let files = try TemporaryManifests(["t.yaml": Fixtures.table("t")])
    let (output, code) = try await run(["validate", "-f", files.path, "--output", "json"])
    #expect(code == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    #expect(object["format_version"] as? String == "1")
    #expect(object["valid"] as? Bool == true)
    #expect(object["resources"] as? [String] == ["table/t"])
    let broken = try TemporaryManifests(["t.yaml": "kind: Tabel\n"])
    let (json, failed) = try await run(["validate", "-f", broken.path, "--output", "json"])
    #expect(failed == 1)
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
    #expect(diagnostics.first?["line"] as? Int == 1)
    #expect(diagnostics.first?["column"] as? Int == 7)
    #expect((diagnostics.first?["message"] as? String)?.contains("did you mean 'Table'?") == true)
  }

  @Test func varAndEnvOptions() async throws {
    let files = try TemporaryManifests([
      "bot.yaml": Fixtures.chatbot("bot", model: "${var.model}")
    ])
    let (_, failed) = try await run(["validate", "-f", files.path])
    #expect(failed == 1)
    let (output, code) = try await run(["validate", "-f", files.path, "--var", "model=m"])
    #expect(code == 0, "\(output)")
  }

  @Test(arguments: ["validate", "plan", "drift", "output"])
  func everyCommandParsesVarTheSameWay(command: String) {
    for bad in ["=x", "novalue"] {
      #expect {
        _ = try HehoCommand.parseAsRoot([command, "--var", bad])
      } throws: { error in
        HehoCommand.message(for: error).contains(
          "--var '\(bad)' needs the form NAME=VALUE, with a name before the '='")
      }
    }
    #expect(throws: Never.self) { _ = try HehoCommand.parseAsRoot([command, "--var", "a=b=c"]) }
  }

  @Test func planOffersTheFormatsItHasAndDriftAlsoJUnit() {
    #expect {
      _ = try HehoCommand.parseAsRoot(["plan", "--output", "junit"])
    } throws: { error in
      HehoCommand.message(for: error).contains("use text, json, markdown")
    }
    #expect(throws: Never.self) { _ = try HehoCommand.parseAsRoot(["drift", "--output", "junit"]) }
  }
}
