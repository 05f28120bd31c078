import Foundation
import HehoTestSupport
@_spi(Testing) import LocalServerKit
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite("heho drift against HehoLocal", .serialized)
struct DriftCommandTests {
  /// Applies the account, then changes it by hand: the support bot's tone (modified), the
  /// faq table deleted (missing) and a chatbot created through the API (unmanaged).
  static func withDriftedWorld(_ body: (DriftWorld, URL) async throws -> Void) async throws {
    try await DriftWorld.with { world in
      try await body(world, try drift(world))
    }
  }

  static func drift(_ world: DriftWorld) async throws -> URL {
    let manifests = try await world.applied(DriftManifests.account())
    try await world.recreateChatbot("support-bot", ["tone": "strict"])
    try await world.api("DELETE", "/api/v1/database/tables", ["tableName": "faq"])
    try await world.api(
      "POST", "/api/v1/chatbots/manage",
      [
        "name": "rogue <bot> & \"co\"", "goal": "Sales",
        "description": DriftManifests.description,
        "model": "qwen/qwen3-next-80b-a3b-instruct:free",
      ])
    return manifests
  }

  @Test func noDriftRightAfterApplyExitsZero() async throws {
    try await DriftWorld.with { world in
      let manifests = try await world.applied(DriftManifests.account())
      for format in ["text", "json", "markdown", "junit"] {
        let run = await world.heho("drift", manifests, ["--output", format])
        #expect(run.code == 0, "\(format): \(run.err)")
      }
      let text = await world.heho("drift", manifests)
      #expect(text.out.contains("No drift: 0 modified, 0 missing, 0 unmanaged; 3 in sync."))
    }
  }

  @Test func driftReadsEachCollectionOnceAndWritesNothing() async throws {
    try await Self.withDriftedWorld { world, manifests in
      await world.platform.resetMetrics()
      #expect(await world.heho("drift", manifests).code == 2)
      let metrics = await world.platform.metrics()
      #expect(metrics.count("GET", "/api/v1/chatbots/manage") == 1)
      #expect(metrics.count("GET", "/api/v1/database/manage") == 1)
      #expect(metrics.total == 2, "\(metrics.routes)")
    }
  }

  @Test func textReportsEachClass() async throws {
    try await Self.withDriftedWorld { world, manifests in
      let run = await world.heho("drift", manifests)
      #expect(run.code == 2, "\(run.err)")
      #expect(run.out.contains("Modified (live differs from the manifests):"))
      #expect(run.out.contains("tone: live \"strict\", declared \"friendly\""))
      #expect(run.out.contains("Missing (declared, not on the platform):\n  + table/faq"))
      #expect(run.out.contains("? chatbot/rogue <bot> & \"co\""))
      #expect(run.out.contains("Drift: 1 modified, 1 missing, 1 unmanaged; 1 in sync."))
    }
  }

  @Test func jsonMatchesItsSchemaAndSortsClasses() async throws {
    try await Self.withDriftedWorld { world, manifests in
      let run = await world.heho("drift", manifests, ["--output", "json"])
      #expect(run.code == 2)
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
      #expect(object["format_version"] as? String == "2")
      let entries = ["modified", "missing", "unmanaged", "in_sync"].flatMap {
        object[$0] as? [[String: Any]] ?? []
      }
      #expect(!entries.isEmpty && entries.allSatisfy { $0["platform"] as? String == "heho" })
      func addresses(_ key: String) -> [String] {
        (object[key] as? [[String: Any]] ?? []).compactMap { $0["address"] as? String }
      }
      #expect(addresses("modified") == ["chatbot/support-bot"])
      #expect(addresses("missing") == ["table/faq"])
      #expect(addresses("unmanaged") == ["chatbot/rogue <bot> & \"co\""])
      #expect(addresses("in_sync") == ["table/orders"])
      let modified = (object["modified"] as? [[String: Any]])?.first
      let sources = modified?["sources"] as? [String]
      #expect(sources == ["chatbot/support-bot", "permission/support-bot-orders"])
      let differences = modified?["differences"] as? [[String: Any]]
      #expect(differences?.first?["field"] as? String == "tone")
      #expect(differences?.first?["live"] as? String == "strict")
      #expect(differences?.first?["declared"] as? String == "friendly")
      try await SchemaCheck.validate(run.out, against: "schemas/drift.schema.json")
    }
  }

  @Test func markdownIsReadyToPost() async throws {
    try await Self.withDriftedWorld { world, manifests in
      let run = await world.heho("drift", manifests, ["--output", "markdown"])
      #expect(run.code == 2)
      #expect(run.out.hasPrefix("### heho drift: account"))
      #expect(run.out.contains("| 🟡 | `chatbot/support-bot` | modified: `tone` |"))
      #expect(run.out.contains("| 🟢 | `table/faq` | missing: declared, not on the platform |"))
      #expect(run.out.contains("| 🔴 | `chatbot/rogue <bot> & \"co\"` | unmanaged"))
      #expect(run.out.contains("| `tone` | \"strict\" | \"friendly\" |"))
    }
  }

  @Test func junitHasOneFailingCasePerDriftedResource() async throws {
    try await Self.withDriftedWorld { world, manifests in
      let report = world.root.appendingPathComponent("drift.xml")
      let run = await world.heho(
        "drift", manifests, ["--output", "junit", "--report-file", report.path])
      #expect(run.code == 2)
      let document = try XMLDocument(contentsOf: report, options: [])
      let cases = try document.nodes(forXPath: "//testcase")
      let names = cases.compactMap { ($0 as? XMLElement)?.attribute(forName: "name")?.stringValue }
      #expect(
        names.sorted() == [
          "chatbot/rogue <bot> & \"co\"", "chatbot/support-bot", "table/faq", "table/orders",
        ])
      let failures = try document.nodes(forXPath: "//testcase/failure")
      let types = failures.compactMap {
        ($0 as? XMLElement)?.attribute(forName: "type")?.stringValue
      }
      #expect(types.sorted() == ["missing", "modified", "unmanaged"])
      #expect(try document.nodes(forXPath: "//testcase[@name='table/orders']/failure").isEmpty)
      let xsd = Harness.repositoryRoot.appendingPathComponent("schemas/junit.xsd")
      let valid = try await XMLLint.validate(
        xml: try String(contentsOf: report, encoding: .utf8), schema: xsd)
      #expect(valid.status == 0, "xmllint: \(valid.text)")
    }
  }

  @Test func ignoreChangesHidesTheFieldFromDriftAndPlanButListsIt() async throws {
    try await DriftWorld.with { world in
      let lifecycle = """
        lifecycle:
          ignoreChanges:
            - field: tone
              reason: support leads tune the tone in the dashboard
        """
      let manifests = try await world.applied(DriftManifests.account(botLifecycle: lifecycle))
      try await world.recreateChatbot("support-bot", ["tone": "strict"])
      let drift = await world.heho("drift", manifests)
      #expect(drift.code == 0, "\(drift.out)\n\(drift.err)")
      #expect(
        drift.out.contains(
          "tone: live \"strict\", declared \"friendly\" — ignored (support leads tune the tone in "
            + "the dashboard)"))
      let json = await world.heho("drift", manifests, ["--output", "json"])
      try await SchemaCheck.validate(json.out, against: "schemas/drift.schema.json")
      #expect(json.out.contains("\"reason\" : \"support leads tune the tone in the dashboard\""))
      let plan = await world.heho("plan", manifests, ["--detailed-exitcode"])
      #expect(plan.code == 0, "\(plan.out)")
      let planJSON = await world.heho("plan", manifests, ["--output", "json"])
      #expect(planJSON.out.contains("\"ignored\" : ["))
      try await SchemaCheck.validate(planJSON.out, against: "schemas/plan.schema.json")
    }
  }

  @Test func ignoreChangesOnAPermissionCoversTheChatbotsAccess() async throws {
    try await DriftWorld.with { world in
      var files = DriftManifests.account()
      files["bots.yaml"] =
        DriftManifests.chatbot("support-bot") + "\n---\n"
        + DriftManifests.permission("support-bot", "orders")
        + "\nlifecycle:\n  ignoreChanges:\n    - { field: read, reason: on-call may cut access }\n"
      let manifests = try await world.applied(files)
      try await world.recreateChatbot("support-bot", ["data_table_1_read": false])
      let drift = await world.heho("drift", manifests)
      #expect(drift.code == 0, "\(drift.out)\n\(drift.err)")
      #expect(
        drift.out.contains(
          "access.orders: live [], declared [\"read\"] — ignored (on-call may cut access)"))
      #expect(await world.heho("plan", manifests, ["--detailed-exitcode"]).code == 0)
    }
  }

  @Test func ignoreChangesWithoutAReasonIsAPositionedError() async throws {
    try await DriftWorld.with { world in
      let lifecycle = """
        lifecycle:
          ignoreChanges:
            - field: tone
        """
      let manifests = try world.directory(
        "account", DriftManifests.account(botLifecycle: lifecycle))
      let run = await world.heho("drift", manifests)
      #expect(run.code == 1)
      #expect(run.err.contains("bots.yaml:"))
      #expect(run.err.contains("reason"))
      #expect(try await world.chatbots().isEmpty)
    }
  }

  @Test func aPlatformErrorExitsOneWithoutLeakingTheKey() async throws {
    try await DriftWorld.with { world in
      let manifests = try world.directory("account", DriftManifests.account())
      let secret = "hh_wrong_key_that_must_not_show"
      let run = await world.run(
        ["drift", "-f", manifests.path, "--endpoint", world.platform.baseURL],
        extraEnvironment: ["HEHO_API_KEY": secret])
      #expect(run.code == 1)
      #expect(run.err.contains("401"))
      #expect(!(run.out + run.err).contains(secret))
    }
  }
}

/// Validates JSON text against a schema with `check-jsonschema`.
enum SchemaCheck {
  static func validate(_ json: String, against schema: String) async throws {
    let result = try await CheckJSONSchema.validate(
      json: json, schema: Repository.root.appendingPathComponent(schema))
    #expect(result.status == 0, "check-jsonschema: \(result.text)")
  }
}
