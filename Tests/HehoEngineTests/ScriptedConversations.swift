import Foundation
import HehoEngine
import HehoManifest
import Synchronization

/// A provider whose bots answer from a script, for the conversation test runner's tests: each
/// message maps to replies (a list, taken in turn by successive runs), and every message sent
/// is logged per conversation.
final class ScriptedProvider: Provider {
  /// What a bot does.
  struct Script: Sendable {
    /// Replies by message; successive conversations take successive replies (the last
    /// repeats).
    var replies: [String: [String]] = [:]
    /// The sources every reply names; `nil`: the platform does not say.
    var sources: [String]? = nil
    /// Messages whose turn throws.
    var failing: Set<String> = []
    /// Effects and their outcomes.
    var effects: [ConversationEffect: CheckOutcome] = [:]
    /// Why the bot cannot converse, if it cannot.
    var notRunnable: String? = nil
  }

  let scripts: [String: Script]
  /// Every conversation's messages, in the order sent, by conversation number.
  let log = Mutex<[[String]]>([])
  /// Conversations opened per bot name, to pick the n-th reply.
  let opened = Mutex<[String: Int]>([:])

  init(_ scripts: [String: Script]) {
    self.scripts = scripts
  }

  var name: String { "scripted" }
  var platforms: [PlatformEndpoint] { [PlatformEndpoint(name: "scripted", endpoint: "x")] }
  var kinds: [KindBehavior] { [KindBehavior(kind: "bot", replacementReason: "-")] }
  func compile(_ state: DesiredState) throws -> CompiledDesiredState {
    CompiledDesiredState(items: [])
  }
  func fetchLiveState() async throws -> LiveState { LiveState(resources: [], readsMade: 0) }
  func perform(_ step: ApplyStep) async throws -> StepResult { StepResult() }
  func explain(_ change: FieldChange, of address: ResourceAddress) -> String? { nil }

  func openConversation(with target: LiveResource, live: LiveState) async throws
    -> ConversationOpening
  {
    let script = scripts[target.address.name] ?? Script()
    if let reason = script.notRunnable { return .notRunnable(reason) }
    let number = opened.withLock { counts in
      defer { counts[target.address.name, default: 0] += 1 }
      return counts[target.address.name, default: 0]
    }
    let index = log.withLock { log in
      log.append([])
      return log.count - 1
    }
    return .opened(ScriptedConversation(script: script, number: number, index: index, owner: self))
  }
}

/// One scripted conversation.
actor ScriptedConversation: Conversation {
  let script: ScriptedProvider.Script
  let number: Int
  let index: Int
  /// The provider, whose log records every message.
  let owner: ScriptedProvider

  init(script: ScriptedProvider.Script, number: Int, index: Int, owner: ScriptedProvider) {
    self.script = script
    self.number = number
    self.index = index
    self.owner = owner
  }

  func send(_ message: String) async throws -> ConversationReply {
    owner.log.withLock { $0[index].append(message) }
    await Task.yield()
    if script.failing.contains(message) { throw ProviderError("the platform failed (503)") }
    let replies = script.replies[message] ?? ["I don't know"]
    return ConversationReply(text: replies[min(number, replies.count - 1)], sources: script.sources)
  }

  func check(_ effect: ConversationEffect) async throws -> CheckOutcome {
    script.effects[effect] ?? .notCheckable("not scripted")
  }
}

/// A judge that passes replies containing a word.
struct WordJudge: ConversationJudge {
  var word: String
  func grade(rubric: String, transcript: [TranscriptMessage], reply: String) async throws
    -> JudgeVerdict
  {
    reply.contains(word)
      ? JudgeVerdict(passed: true, reason: "mentions \(word)")
      : JudgeVerdict(passed: false, reason: "never mentions \(word)")
  }
}
