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

  mutating func noDuplicates() {
    let names = after.chatbots.map(\.settled.name)
    for name in Set(names) where names.filter({ $0 == name }).count > 1 {
      fail("chatbot '\(name)' exists \(names.filter { $0 == name }.count) times")
    }
  }

  /// A refused scenario: the run failed and wrote nothing.
  mutating func refused(initial: LiveSnapshot, writes: Int) {
    if result.code == 0 { fail("succeeded although the plan loses data that is not allowed") }
    if writes > 0 { fail("made \(writes) write requests although the plan must be refused") }
    if after != initial { fail("changed the live state although the plan must be refused") }
  }

  /// The summary line and the steps marked done agree with what the platform shows.
  mutating func reported() {
    let added = after.addresses.subtracting(before.addresses)
    let removed = before.addresses.subtracting(after.addresses)
    var replaced = before.tables.keys.filter { name in
      after.tables[name].map { $0 != before.tables[name] } ?? false
    }.count
    for chatbot in before.chatbots {
      if let now = after.chatbot(chatbot.settled.name), now.id != chatbot.id { replaced += 1 }
    }
    guard let summary = result.summary else {
      if result.code == 0 && after != before {
        fail("said nothing changed, but the live state changed")
      }
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
    for step in done {
      let built = done.contains {
        ($0.action == "create" || $0.action == "connect") && $0.address == step.address
      }
      let present = after.addresses.contains(step.address)
      if (step.action == "create" || step.action == "connect") && !present {
        fail("reported \(step.action) \(step.address) done, but it is not on the platform")
      }
      if step.action == "delete" && !built && present {
        fail("reported delete \(step.address) done, but it is still on the platform")
      }
    }
  }
}
