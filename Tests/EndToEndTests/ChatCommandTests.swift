import Foundation
import HehoTestSupport
import Testing

/// `heho chat` as a person uses it: the real binary on a pseudo-terminal (driven by
/// `Tests/Scripts/chat-pty.py`, on python3's `pty` module), talking to `examples/omnichannel`
/// applied to its `--local` platform. Typing, the terminal's echo, replies with their sources,
/// and Ctrl-D all go through a real terminal, as they do for a user.
@Suite(.enabled(if: HehoBinary.shouldTest, "needs a built heho (swift build --product heho)"))
struct ChatCommandTests {
  /// One conversational resource of the example, two messages to it and what each reply shows.
  struct Conversation: Sendable, CustomTestStringConvertible {
    var address: String
    var messages: [String]
    /// A phrase each reply contains, in the order of `messages`.
    var replies: [String]
    /// The "grounded on" line under each reply, in the same order.
    var grounding: [String]

    var name: String { String(address.split(separator: "/").last ?? "") }
    var testDescription: String { address }
  }

  static let conversations = [
    Conversation(
      address: "bot/helpdesk",
      messages: ["Can I return an item I bought last week?", "Is shipping free?"],
      replies: ["free within 30 days", "free for orders over 80 euros"],
      grounding: ["(grounded on returns.md)", "(grounded on shipping.md)"]),
    Conversation(
      address: "chatbot/shop-assistant",
      messages: ["What does the trail tent cost?", "Is the camping stove in stock?"],
      replies: ["price: 249", "in_stock: false"],
      grounding: ["(grounded on products)", "(grounded on products)"]),
    Conversation(
      address: "agent/website-chat",
      messages: ["Are returns free?", "How quickly do orders ship?"],
      replies: ["free within 30 days", "two working days"],
      grounding: ["(grounded on instructions)", "(grounded on instructions)"]),
  ]

  static let banner = "Talking to "

  /// A temporary directory holding a copy of `examples/omnichannel` (as `project`) applied to
  /// its `--local` platform (`.heho/` in the directory).
  static func appliedProject() async throws -> URL {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-chat-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Harness.repositoryRoot.appendingPathComponent("examples/omnichannel"),
      to: directory.appendingPathComponent("project"))
    let apply = try await heho(
      ["apply", "--local", "-f", "project", "--auto-approve"], in: directory)
    #expect(apply.status == 0, "\(apply.text)")
    return directory
  }

  static var environment: [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    environment["CRM_WEBHOOK_SECRET"] = "chat-test-webhook-secret"
    return environment
  }

  /// Runs the binary to its end in `directory` with `input` on a pipe whose writing end is then
  /// closed (no terminal); status and output (standard error included).
  static func heho(_ arguments: [String], input: String = "", in directory: URL) async throws
    -> (status: Int32, text: String)
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try HehoBinary.require())
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = environment
    let stdin = Pipe()
    let output = Pipe()
    process.standardInput = stdin
    process.standardOutput = output
    process.standardError = output
    try process.run()
    try stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    return await withCheckedContinuation { continuation in
      // Off the cooperative pool: reading to the end and waiting block a thread.
      DispatchQueue.global().async {
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        continuation.resume(
          returning: (process.terminationStatus, String(decoding: data, as: UTF8.self)))
      }
    }
  }

  /// Runs `heho ARGUMENTS` on a pseudo-terminal: waits for the banner, types each message and
  /// waits for its reply's last line (the sources), then types Ctrl-D. The helper's status is the
  /// binary's (124 when it did not answer or end in time); the output is what the terminal
  /// showed.
  static func onTerminal(
    _ arguments: [String], typing messages: [String], in directory: URL
  ) async throws -> ChildProcess.Result {
    let helper = Harness.repositoryRoot.appendingPathComponent("Tests/Scripts/chat-pty.py")
    var command = [
      "python3", helper.path, "--wait-for", banner, "--reply-end", "(grounded on ",
      "--timeout", "60",
    ]
    for message in messages { command += ["--type", message] }
    command += ["--", try HehoBinary.require()] + arguments
    return try await ChildProcess.run(command, in: directory, environment: environment)
  }

  @Test(arguments: conversations)
  func aConversationOnATerminalShowsEachReplyWithItsSourcesAndCtrlDEndsIt(
    _ conversation: Conversation
  ) async throws {
    let directory = try await Self.appliedProject()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try await Self.onTerminal(
      ["chat", conversation.address, "--local", "-f", "project"],
      typing: conversation.messages, in: directory)
    // A terminal ends its lines with CR LF.
    let lines = result.text.replacingOccurrences(of: "\r\n", with: "\n")
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let transcript = lines.joined(separator: "\n")
    #expect(result.status == 0, "\(transcript)")
    #expect(lines.first?.hasPrefix(Self.banner + conversation.address) == true, "\(transcript)")
    // The terminal echoes each message; its reply, then its sources, come after it.
    var position = 0
    for (index, message) in conversation.messages.enumerated() {
      let typed = try #require(
        lines[position...].firstIndex(of: message), "no echo of \(message): \(transcript)")
      let reply = try #require(
        lines[typed...].firstIndex { $0.hasPrefix("\(conversation.name): ") },
        "no reply to \(message): \(transcript)")
      let grounded = try #require(
        lines[reply...].firstIndex { $0.hasPrefix("  (grounded on ") },
        "no sources for \(message): \(transcript)")
      let answer = lines[reply..<grounded].joined(separator: " ")
      #expect(answer.contains(conversation.replies[index]), "\(transcript)")
      #expect(lines[grounded] == "  " + conversation.grounding[index], "\(transcript)")
      position = grounded + 1
    }
    let rest = lines[position...].filter { !$0.isEmpty }
    #expect(rest == ["Conversation ended."], "\(transcript)")
    #expect(!transcript.contains("error"), "\(transcript)")
  }

  @Test func aClosedStandardInputEndsTheConversationCleanly() async throws {
    let directory = try await Self.appliedProject()
    defer { try? FileManager.default.removeItem(at: directory) }
    // Nothing typed at all: the input is closed at once.
    let silent = try await Self.heho(
      ["chat", "bot/helpdesk", "--local", "-f", "project"], in: directory)
    #expect(silent.status == 0, "\(silent.text)")
    #expect(silent.text.contains("Conversation ended."), "\(silent.text)")
    #expect(!silent.text.contains("helpdesk: "), "\(silent.text)")
    // A message piped in without a final line break is still answered before the end.
    let piped = try await Self.heho(
      ["chat", "bot/helpdesk", "--local", "-f", "project"], input: "Is shipping free?",
      in: directory)
    #expect(piped.status == 0, "\(piped.text)")
    #expect(piped.text.contains("helpdesk: "), "\(piped.text)")
    #expect(piped.text.contains("(grounded on shipping.md)"), "\(piped.text)")
    #expect(piped.text.hasSuffix("Conversation ended.\n"), "\(piped.text)")
  }

  @Test func aTargetThatIsNotThereOrDoesNotConverseIsAnErrorThatSaysSo() async throws {
    let directory = try await Self.appliedProject()
    defer { try? FileManager.default.removeItem(at: directory) }
    let missing = try await Self.heho(
      ["chat", "bot/nobody", "--local", "-f", "project"], in: directory)
    #expect(missing.status == 1, "\(missing.text)")
    #expect(
      missing.text.contains(
        "bot/nobody is not on its platform; apply the manifests first (heho apply --local)"),
      "\(missing.text)")
    #expect(!missing.text.contains(Self.banner), "\(missing.text)")
    for address in ["webhook/crm-leads", "table/products"] {
      let mute = try await Self.heho(
        ["chat", address, "--local", "-f", "project"], in: directory)
      #expect(mute.status == 1, "\(mute.text)")
      #expect(mute.text.contains("do not hold conversations"), "\(mute.text)")
      #expect(!mute.text.contains(Self.banner), "\(mute.text)")
    }
    let malformed = try await Self.heho(["chat", "helpdesk", "--local"], in: directory)
    #expect(malformed.status == 64, "\(malformed.text)")
    #expect(malformed.text.contains("write KIND/NAME"), "\(malformed.text)")
  }
}
