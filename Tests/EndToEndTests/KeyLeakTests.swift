import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The key never reaches the output, even when a server sends it back: a platform whose every
/// answer echoes the request's headers, under each way an answer becomes an error.
@Suite struct KeyLeakTests {
  static let key = "hk_live_ECHOED_SECRET_0123456789"

  /// How the echoing server answers the list calls: as the BotHero and Heppu echo does.
  typealias Answer = LeakEchoServer.Answer

  /// A server that answers the two list calls with the request's headers in the body, and
  /// counts the calls that carried `key`.
  static func echoing(_ answer: Answer, log: EchoLog) -> some ApplicationProtocol {
    let router = Router()
    for path in ["api/v1/chatbots/manage", "api/v1/database/manage"] {
      router.get(RouterPath(path)) { request, _ -> Response in
        log.record(request, body: "")
        let headers = request.headers.map { "\($0.name): \($0.value)" }.joined(separator: "; ")
        let body = try JSONSerialization.data(withJSONObject: [
          "error": "echo of what you sent: \(headers)", "chatbots": headers,
        ])
        var fields: HTTPFields = [.contentType: "application/json"]
        if answer == .unavailable { fields[.retryAfter] = "0" }
        return Response(
          status: answer.status, headers: fields, body: .init(byteBuffer: ByteBuffer(data: body)))
      }
    }
    return Application(
      router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
  }

  @Test(arguments: Answer.allCases)
  func anEchoedKeyNeverReachesTheOutput(answer: Answer) async throws {
    let project = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-echo-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: project) }
    try FileManager.default.copyItem(
      at: Harness.repositoryRoot.appendingPathComponent("examples/support-desk"), to: project)
    let log = EchoLog()
    try await Self.echoing(answer, log: log).test(.live) { client in
      let port = try #require(client.port)
      for command in [["plan"], ["apply", "--auto-approve"], ["drift"]] {
        let run = await Harness.runCommand(
          command + ["-f", project.path, "--endpoint", "http://127.0.0.1:\(port)"],
          environment: ["HEHO_API_KEY": Self.key, "NO_COLOR": "1"])
        #expect(run.code == 1, "\(command[0]) under \(answer): \(run.all)")
        #expect(!run.all.contains(Self.key), "\(command[0]) under \(answer) showed the key")
        #expect(!run.all.contains("ECHOED_SECRET"), "\(command[0]) showed part of the key")
        if answer != .malformed {
          // The echoed body really reached the output, redacted: the leak path was taken.
          #expect(
            run.all.contains("echo of what you sent"), "\(command[0]) under \(answer): \(run.all)")
          #expect(run.all.contains("[redacted]"), "\(command[0]) under \(answer): \(run.all)")
        } else {
          // An unreadable 200 is reported by the request and the type heho expected, never by
          // its body: nothing of the echo (nor the key in it) can reach the output this way.
          #expect(
            run.all.contains("returned a body heho cannot read"),
            "\(command[0]) under \(answer): \(run.all)")
          #expect(
            !run.all.contains("echo of what you sent"),
            "\(command[0]) under \(answer): \(run.all)")
        }
      }
    }
    // The key really went out, to be echoed: once per list call of each of the three commands.
    #expect(log.requests(withKey: Self.key) >= 3 * 2, "\(log.routes)")
  }
}
