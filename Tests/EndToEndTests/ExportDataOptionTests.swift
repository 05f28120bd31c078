import Foundation
import HehoTestSupport
import Testing

/// `heho export --data` needs a platform whose kinds hold records; the refusal names the kinds
/// and the platforms that have them, as the registry lists them.
@Suite struct ExportDataOptionTests {
  @Test func dataWithoutAPlatformThatHoldsRecordsIsRefused() async throws {
    let out = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-export-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let result = await InProcessHeho.run(
      ["export", "--platform", "bothero", "--data", "faq", "--out", out.path],
      environment: ["BOTHERO_API_KEY": "unused", "NO_COLOR": "1"])
    #expect(result.code == 1)
    #expect(
      result.err.contains(
        "--data exports the records of Table resources (as TableData), but no platform being "
          + "exported has them; export heho too (--platform heho)"), "\(result.err)")
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }
}
