import Foundation
import HehoManifest
import HehoTestSupport
import LocalServerKit
import PlatformKit
import PlatformRegistry
import Testing

/// The benchmark scripts keep working: the generator writes valid manifests that apply and then
/// plan empty, the driver compiles, and (with a built `heho`) a tiny benchmark runs end to end.
@Suite struct BenchSmokeTests {
  static let root = Harness.repositoryRoot

  /// Runs a program from the repository's root; its exit status and combined output.
  static func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
    let result = try await ChildProcess.run(arguments, in: root)
    return (result.status, result.text)
  }

  @Test func generatedRepositoryIsValidAppliesAndThenPlansEmpty() async throws {
    let platform = try await LocalPlatform.start(LocalPlatformConfiguration())
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-bench-\(UUID().uuidString)")
    let harness = Harness(platform: platform, directory: directory)
    let generated = try await Self.run([
      "python3", "bench/generate.py", "20", directory.path, "--endpoint", platform.baseURL,
    ])
    #expect(generated.status == 0, "\(generated.output)")
    #expect(generated.output.contains("8 tables, 6 chatbots, 6 permissions"))
    let loaded = ManifestLoader(registry: PlatformRegistry.standard.kindRegistry).load(
      LoadOptions(path: directory.path))
    #expect(!loaded.hasErrors, "\(loaded.diagnostics.map(\.description))")
    #expect(loaded.state?.resources.count == 20)
    // The endpoint comes from the generated heho.yaml.
    let apply = await harness.run(
      ["apply", "--auto-approve", "-f", directory.path], project: false)
    #expect(apply.code == 0, "\(apply.all)")
    #expect(apply.out.contains("Apply complete: 14 created"), "\(apply.out.suffix(300))")
    let plan = await harness.run(
      ["plan", "--detailed-exitcode", "-f", directory.path], project: false)
    #expect(plan.code == 0, "\(plan.all)")
    await harness.stop()
  }

  @Test func scriptsCompile() async throws {
    for script in [
      "bench/run.py", "bench/generate.py", "bench/table_data.py", "bench/conversations.py",
    ] {
      // `python3 -m py_compile`, with the bytecode written outside the repository.
      let bytecode = FileManager.default.temporaryDirectory
        .appendingPathComponent("heho-\(UUID().uuidString).pyc").path
      defer { try? FileManager.default.removeItem(atPath: bytecode) }
      let compiled = try await Self.run([
        "python3", "-c",
        "import py_compile, sys; py_compile.compile(sys.argv[1], sys.argv[2], doraise=True)",
        script, bytecode,
      ])
      #expect(compiled.status == 0, "\(script): \(compiled.output)")
    }
    let shell = try await Self.run(["bash", "-n", "bench/run.sh"])
    #expect(shell.status == 0, "\(shell.output)")
  }

  /// Runs when a built `heho` is found beside the tests, whatever the build path; under
  /// scripts/test (`HEHO_REQUIRE_BINARY=1`) a missing one fails instead of skipping.
  @Test(.enabled(if: HehoBinary.shouldTest, "needs a built heho (swift build --product heho)"))
  func tinyBenchmarkRunsEndToEnd() async throws {
    let heho = try HehoBinary.require()
    let out = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-bench-out-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let bench = try await Self.run([
      "python3", "bench/run.py", "--heho", heho, "--sizes", "20", "--repeat", "1",
      "--skip-apply", "--skip-ansible", "--out", out.path,
    ])
    #expect(bench.status == 0, "\(bench.output)")
    #expect(bench.output.contains("Plan with nothing to change"))
    let results = try Data(contentsOf: out.appendingPathComponent("results.json"))
    let object = try JSONSerialization.jsonObject(with: results) as? [String: Any]
    let plan = (object?["plan"] as? [[String: Any]])?.first
    #expect(plan?["resources"] as? Int == 20)
    #expect(plan?["requests"] as? Int == 2)
  }

  /// Across the three platforms, a plan makes one request per collection and page: HeHo's
  /// two, BotHero's three, and Heppu's agents two pages of 100 (120 agents). The strict floor
  /// (libyaml's C event parser) is measured beside the present one.
  @Test(.enabled(if: HehoBinary.shouldTest, "needs a built heho (swift build --product heho)"))
  func tinyMixedBenchmarkMakesOneRequestPerCollectionAndPage() async throws {
    let heho = try HehoBinary.require()
    let out = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-bench-out-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let bench = try await Self.run([
      "python3", "bench/run.py", "--heho", heho, "--sizes", "400", "--repeat", "1",
      "--skip-apply", "--skip-ansible", "--mixed", "--out", out.path,
    ])
    #expect(bench.status == 0, "\(bench.output)")
    let results = try Data(contentsOf: out.appendingPathComponent("results.json"))
    let object = try JSONSerialization.jsonObject(with: results) as? [String: Any]
    let plan = (object?["plan"] as? [[String: Any]])?.first
    #expect(plan?["collections"] as? Int == 7)
    #expect(plan?["requests"] as? Int == 7)
    #expect(plan?["strict_ratio"] as? Double != nil, "\(bench.output)")
  }

  /// TableData rows: a plan reads each table once (2 lists + 1 read), whatever the rows.
  @Test(.enabled(if: HehoBinary.shouldTest, "needs a built heho (swift build --product heho)"))
  func tinyTableDataBenchmarkReadsEachTableOnce() async throws {
    let heho = try HehoBinary.require()
    let out = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-bench-out-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let bench = try await Self.run([
      "python3", "bench/table_data.py", "--heho", heho, "--rows", "50", "--repeat", "1",
      "--out", out.path,
    ])
    #expect(bench.status == 0, "\(bench.output)")
    let results = try Data(contentsOf: out.appendingPathComponent("table_data.json"))
    let rows = try JSONSerialization.jsonObject(with: results) as? [[String: Any]]
    #expect(rows?.first?["plan_requests"] as? Int == 3, "\(bench.output)")
    #expect(rows?.first?["apply_requests"] as? Int == 56, "\(bench.output)")
  }

  /// Conversation tests: `heho test` makes exactly one chat call per turn, every test passes, and
  /// the bare client's calls are timed beside it.
  @Test(.enabled(if: HehoBinary.shouldTest, "needs a built heho (swift build --product heho)"))
  func tinyConversationBenchmarkMakesOneChatCallPerTurn() async throws {
    let heho = try HehoBinary.require()
    let out = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-bench-out-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let bench = try await Self.run([
      "python3", "bench/conversations.py", "--heho", heho, "--turns", "24", "--turns-per-test",
      "5", "--parallelism", "2", "--repeat", "1", "--out", out.path,
    ])
    #expect(bench.status == 0, "\(bench.output)")
    let results = try Data(contentsOf: out.appendingPathComponent("conversations.json"))
    let rows = try JSONSerialization.jsonObject(with: results) as? [[String: Any]]
    #expect(rows?.first?["turns"] as? Int == 24, "\(bench.output)")
    #expect(rows?.first?["tests"] as? Int == 5, "\(bench.output)")
    #expect(rows?.first?["ratio"] as? Double != nil, "\(bench.output)")
  }
}
