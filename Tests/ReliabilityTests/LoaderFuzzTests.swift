import Foundation
import HehoManifest
import LocalServerKit
import PlatformKit
import PlatformRegistry
import Testing

/// Thousands of seeded mutations of the example manifests: every load ends in a state or in
/// positioned diagnostics; never a crash or a hang.
///
/// `HEHO_FUZZ_MUTATIONS` sets the count (default 2000, at least `minimumCount`);
/// `HEHO_FUZZ_SEED=N` reruns one.
@Suite struct LoaderFuzzTests {
  static let defaultCount = 2000
  /// Fewer mutations than this prove too little: the run fails instead of passing on nothing.
  static let minimumCount = 100
  /// The longest one load of a mutated example may take before it counts as a hang. A load
  /// takes milliseconds; the bound leaves room for a debug build on a loaded machine.
  static let secondsPerLoad = 20.0

  struct Example {
    var directory: URL
    var manifests: [String]
  }

  static func copyExamples() throws -> (root: URL, examples: [Example]) {
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-fuzz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    var examples: [Example] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: source.path).sorted() {
      let directory = root.appendingPathComponent(name)
      try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: directory)
      let manifests = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        .filter { $0.hasSuffix(".yaml") }.sorted()
      // Only configuration repositories: examples/ci holds a CI workflow, no manifests.
      guard !manifests.isEmpty else { continue }
      examples.append(Example(directory: directory, manifests: manifests))
    }
    return (root, examples)
  }

  /// The mutation seeds to run, or why the requested count is refused.
  static func seeds(
    in environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> [UInt64] {
    let text = environment["HEHO_FUZZ_MUTATIONS"]
    let count = text.map { Int($0) ?? -1 } ?? defaultCount
    if let problem = FullRun.problem("HEHO_FUZZ_MUTATIONS", count: count, in: environment) {
      throw FullRunError(description: problem)
    }
    if let text = environment["HEHO_FUZZ_SEED"], let seed = UInt64(text) { return [seed] }
    guard count >= minimumCount else {
      throw MutationCountError(text: text ?? "", minimum: minimumCount)
    }
    return (0..<UInt64(count)).map { $0 + 1 }
  }

  @Test(.timeLimit(.minutes(5)))
  func mutatedExamplesLoadOrFailWithPositions() throws {
    let (root, examples) = try Self.copyExamples()
    defer { try? FileManager.default.removeItem(at: root) }
    try #require(!examples.isEmpty)
    var failures: [String] = []
    var withErrors = 0
    let seeds = try Self.seeds()
    for seed in seeds {
      var mutator = ManifestMutator(random: SplitMix64(seed: seed))
      let example = examples[mutator.random.int(0...(examples.count - 1))]
      let file = mutator.random.pick(example.manifests, or: "heho.yaml")
      let url = example.directory.appendingPathComponent(file)
      let original = try Data(contentsOf: url)
      let (bytes, applied) = mutator.mutate(Array(original))
      try Data(bytes).write(to: url)
      let path = example.directory.path
      guard
        let result = TimeBound.run(
          seconds: Self.secondsPerLoad,
          {
            ManifestLoader(registry: PlatformRegistry.standard.kindRegistry).load(
              LoadOptions(path: path))
          })
      else {
        let hang =
          "seed \(seed): loading \(example.directory.lastPathComponent)/\(file) did not finish "
          + "in \(Int(Self.secondsPerLoad)) s (\(applied.joined(separator: "; "))); rerun: "
          + "HEHO_FUZZ_SEED=\(seed) swift test --filter LoaderFuzz"
        Issue.record(Comment(rawValue: hang))
        return
      }
      let problems = Self.problems(in: result, directory: example.directory)
      try original.write(to: url)
      if result.hasErrors { withErrors += 1 }
      if !problems.isEmpty && failures.count < 10 {
        let text = String(decoding: bytes, as: UTF8.self)
        failures.append(
          "seed \(seed) (\(example.directory.lastPathComponent)/\(file): "
            + "\(applied.joined(separator: "; "))): \(problems.joined(separator: "; "))\n"
            + "rerun: HEHO_FUZZ_SEED=\(seed) swift test --filter LoaderFuzz\n\(text.prefix(1500))")
      }
    }
    for failure in failures { Issue.record(Comment(rawValue: failure)) }
    // The mutations must break files often, or the fuzzing proves little.
    if seeds.count >= Self.minimumCount { #expect(withErrors * 3 > seeds.count) }
  }

  @Test(arguments: ["0", "99", "none"])
  func aMutationCountBelowTheMinimumIsRefused(count: String) throws {
    #expect(throws: MutationCountError.self) {
      try Self.seeds(in: ["HEHO_FUZZ_MUTATIONS": count])
    }
    #expect(try Self.seeds(in: ["HEHO_FUZZ_SEED": "9"]) == [9])
  }

  @Test func theWatchdogReportsAHangAndPassesWorkThatFinishes() {
    #expect(TimeBound.run(seconds: 5) { 42 } == 42)
    let started = ContinuousClock.now
    let hung = TimeBound.run(seconds: 0.2) { () -> Int in
      Thread.sleep(forTimeInterval: 3)
      return 1
    }
    #expect(hung == nil)
    #expect(ContinuousClock.now - started < .seconds(2))
  }

  /// Found by the fuzzing: an unfinished last line got its error one line past the end.
  @Test(arguments: ["kind: Table\nspec: { columns: [", "apiVersion: heho/v1\nkind"])
  func errorAtTheEndOfAnUnfinishedFileIsInsideIt(text: String) throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-fuzz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try text.write(
      to: directory.appendingPathComponent("m.yaml"), atomically: true, encoding: .utf8)
    let result = ManifestLoader(registry: PlatformRegistry.standard.kindRegistry).load(
      LoadOptions(path: directory.path))
    #expect(result.hasErrors)
    #expect(Self.problems(in: result, directory: directory).isEmpty, "\(result.diagnostics)")
  }

  /// What is wrong with a load result: a state despite errors, none without, a diagnostic
  /// without a position or pointing outside its file.
  static func problems(in result: LoadResult, directory: URL) -> [String] {
    var problems: [String] = []
    if result.hasErrors != (result.state == nil) {
      problems.append(
        "errors \(result.hasErrors) but state \(result.state == nil ? "missing" : "present")")
    }
    for diagnostic in result.diagnostics {
      guard let location = diagnostic.location else {
        problems.append("no position: \(diagnostic.message)")
        continue
      }
      let name = URL(fileURLWithPath: location.file).lastPathComponent
      // A data file a TableData reads is named by its path (it may be in a folder).
      let url =
        location.file.hasPrefix("/")
        ? URL(fileURLWithPath: location.file) : directory.appendingPathComponent(name)
      let lines = lineCount((try? Data(contentsOf: url)) ?? Data())
      if location.line < 1 || location.column < 1 || location.line > lines {
        problems.append(
          "position \(location) outside the file (\(lines) lines): \(diagnostic.message)")
      }
      if diagnostic.message.isEmpty { problems.append("empty message at \(location)") }
    }
    return problems
  }

  /// Lines as YAML counts them: LF, CR LF, a lone CR, NEL, LS and PS all end a line.
  static func lineCount(_ data: Data) -> Int {
    var lines = 1
    var previous: Unicode.Scalar?
    for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
      switch scalar {
      case "\n" where previous != "\r", "\r", "\u{85}", "\u{2028}", "\u{2029}": lines += 1
      default: break
      }
      previous = scalar
    }
    return lines
  }
}

/// `HEHO_FUZZ_MUTATIONS` asked for too few mutations (or for no number at all).
struct MutationCountError: Error, CustomStringConvertible {
  var text: String
  var minimum: Int

  var description: String {
    "HEHO_FUZZ_MUTATIONS=\(text): a run needs at least \(minimum) mutations to prove anything; "
      + "to rerun one mutation, set HEHO_FUZZ_SEED=N instead"
  }
}
