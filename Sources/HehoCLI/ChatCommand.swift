import ArgumentParser
import HehoEngine
import HehoManifest

/// `heho chat ADDRESS`: a conversation by hand with one chatbot, bot or agent, through the
/// same platform code the conversation tests use.
struct ChatCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "chat", abstract: "Talk to one chatbot, bot or agent (KIND/NAME).",
    discussion: """
      Each line read is one message, in one conversation; each reply is shown with the \
      documents it was grounded on, where the platform says. An empty line is skipped; the \
      end of input (Ctrl-D) or /quit ends the conversation. With --local, the conversation is \
      with the project's local platform (.heho/local.sqlite: run heho apply --local first).
      """)

  @Argument(help: "The resource to talk to, e.g. bot/helpdesk or chatbot/shop-assistant.")
  var address: String

  @OptionGroup var project: ProjectOptions

  func validate() throws {
    guard ResourceAddress(parsing: address) != nil else {
      throw ValidationError(
        "'\(address)' is not a resource address; write KIND/NAME, e.g. bot/helpdesk")
    }
  }

  func run() async throws {
    let console = ConsoleContext.current
    guard let target = ResourceAddress(parsing: address) else { return }
    try await CommandSession.with(project, prefetchLive: false, probeLocalExtras: !project.local) {
      session in
      let conversation = try await Self.open(target, session: session, local: project.local)
      console.err(
        "Talking to \(target). Each line is a message; Ctrl-D or /quit ends the conversation.")
      while let line = console.readLine() {
        let message = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if message.isEmpty { continue }
        if message == "/quit" || message == "/exit" { break }
        do {
          let reply = try await conversation.send(message)
          console.out("\(target.name): \(VisibleLine.of(reply.text))")
          if let sources = reply.sources, !sources.isEmpty {
            console.out("  (grounded on " + sources.joined(separator: ", ") + ")")
          }
        } catch {
          console.err("error: \(error); the message was not answered, try again")
        }
      }
      console.err("Conversation ended.")
    }
  }

  /// A conversation with `target`, or a reported error saying why there is none; `local`
  /// names the apply that would put a missing target on the project's local platform.
  static func open(_ target: ResourceAddress, session: CommandSession, local: Bool) async throws
    -> any Conversation
  {
    let live: LiveState
    do {
      live = try await session.provider.fetchLiveState()
    } catch let error as ProviderError {
      throw CommandFailure.report(error.message)
    }
    let found = live.resources.filter { $0.address == target }
    guard let resource = found.first else {
      throw CommandFailure.report(
        "\(target) is not on its platform; apply the manifests first (heho apply"
          + (local ? " --local)" : ")"))
    }
    guard found.count == 1 else {
      throw CommandFailure.report(
        "\(found.count) live resources are named \(target); heho cannot tell which to talk to")
    }
    do {
      switch try await session.provider.openConversation(with: resource, live: live) {
      case .opened(let conversation): return conversation
      case .notRunnable(let reason): throw CommandFailure.report(reason)
      }
    } catch let error as ProviderError {
      throw CommandFailure.report(error.message)
    }
  }
}
