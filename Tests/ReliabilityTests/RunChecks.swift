/// Checks one apply run against what the platform shows before and after it.
struct RunChecks {
  let run: Int
  let result: RunResult
  let before: LiveSnapshot
  let after: LiveSnapshot
  var problems: [String] = []

  init(run: Int, result: RunResult, before: LiveSnapshot, after: LiveSnapshot) {
    self.run = run
    self.result = result
    self.before = before
    self.after = after
    noDuplicates()
  }

  mutating func fail(_ message: String) {
    problems.append("apply run \(run) (exit \(result.code)): \(message)")
  }

  /// No run adds a chatbot under a name it already finds: a name held once stays held once,
  /// and a name the platform already held several times (HeHo accepts repeats) gains none.
  mutating func noDuplicates() {
    var counts: [String: Int] = [:]
    var had: [String: Int] = [:]
    for chatbot in after.chatbots { counts[chatbot.settled.name, default: 0] += 1 }
    for chatbot in before.chatbots { had[chatbot.settled.name, default: 0] += 1 }
    for (name, count) in counts.sorted(by: { $0.key < $1.key }) where count > max(1, had[name] ?? 0)
    {
      fail("chatbot '\(name)' exists \(count) times (\(had[name] ?? 0) before the run)")
    }
  }

  /// A refused scenario: the run failed and wrote nothing.
  mutating func refused(initial: LiveSnapshot, writes: Int) {
    if result.code == 0 { fail("succeeded although the plan must be refused") }
    if writes > 0 { fail("made \(writes) write requests although the plan must be refused") }
    if after != initial { fail("changed the live state although the plan must be refused") }
  }

  /// A run that printed no summary (it failed before or while applying): the live state is
  /// unchanged, or every change is a step the run marked done.
  mutating func unsummarized(added: Set<String>, removed: Set<String>, replaced: Set<String>) {
    let done = result.stepsDone
    let built = Set(done.filter { $0.action == "create" || $0.action == "connect" }.map(\.address))
    let gone = Set(done.filter { $0.action == "delete" }.map(\.address))
    let unexplained =
      added.subtracting(built).sorted().map { "\($0) appeared" }
      + removed.subtracting(gone).sorted().map { "\($0) disappeared" }
      + replaced.subtracting(built.intersection(gone)).sorted().map { "\($0) was replaced" }
    if !unexplained.isEmpty {
      fail(
        "printed no summary, and the live state changed beyond the steps it marked done: "
          + unexplained.joined(separator: ", "))
    }
  }

  /// The summary line and the steps marked done agree with what the platform shows.
  mutating func reported() {
    let added = after.addresses.subtracting(before.addresses)
    let removed = before.addresses.subtracting(after.addresses)
    var replacedAddresses = Set(
      before.tables.keys.filter { name in
        after.tables[name].map { $0 != before.tables[name] } ?? false
      }.map { "table/\($0)" })
    for chatbot in before.chatbots {
      if let now = after.chatbot(chatbot.settled.name), now.id != chatbot.id {
        replacedAddresses.insert("chatbot/\(chatbot.settled.name)")
      }
    }
    let replaced = replacedAddresses.count
    guard let summary = result.summary else {
      unsummarized(added: added, removed: removed, replaced: replacedAddresses)
      return
    }
    let created = summary["created"] ?? 0
    let deleted = summary["deleted"] ?? 0
    let reportedReplaced = summary["replaced"] ?? 0
    let counts =
      "reported \(created) created, \(reportedReplaced) replaced, \(deleted) deleted; "
      + "the platform shows \(added.count) new (\(added.sorted())), \(replaced) replaced, "
      + "\(removed.count) gone (\(removed.sorted()))"
    if result.code == 0 {
      if created != added.count || deleted != removed.count || reportedReplaced != replaced {
        fail("the summary does not match the platform: " + counts)
      }
      if (summary["failed"] ?? 0) + (summary["skipped"] ?? 0) > 0 {
        fail("exit 0 with failed or skipped operations")
      }
    } else if created > added.count || deleted > removed.count || reportedReplaced > replaced {
      fail("the summary reports more than was done: " + counts)
    }
    let done = result.stepsDone
    // Creates that were attempted, done or failed: a failed one may have landed anyway.
    let attempted = Set(
      (done + result.stepsFailed).filter { $0.action == "create" || $0.action == "connect" }
        .map(\.address))
    for step in done {
      let present = after.addresses.contains(step.address)
      if (step.action == "create" || step.action == "connect") && !present {
        fail("reported \(step.action) \(step.address) done, but it is not on the platform")
      }
      guard step.action == "delete" else { continue }
      if present && !attempted.contains(step.address) {
        fail("reported delete \(step.address) done, but it is still on the platform")
      }
      // A deleted chatbot's ID is gone, whatever was created under its name since.
      let name = String(step.address.dropFirst("chatbot/".count))
      for chatbot in before.chatbots
      where step.address.hasPrefix("chatbot/") && chatbot.settled.name == name
        && after.chatbots.contains(where: { $0.id == chatbot.id })
      {
        fail("reported delete \(step.address) done, but its ID \(chatbot.id) is still there")
      }
    }
  }
}
