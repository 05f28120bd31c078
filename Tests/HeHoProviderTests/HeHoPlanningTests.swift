import Foundation
import HeHoProvider
import HehoEngine
import HehoManifest
import HehoTestSupport
import PlatformKit
import Testing

@Suite struct HeHoPlanningTests {
  static let at = SourceLocation(file: "m.yaml", line: 1, column: 1)
  static let description = String(repeating: "A helpful assistant. ", count: 12)

  static func table(_ name: String, _ columns: [[String: Value]], connect: Bool = false)
    -> DesiredResource
  {
    var spec: [String: Value] = ["columns": .array(columns.map(Value.object))]
    if connect { spec["connect"] = .bool(true) }
    return DesiredResource(kind: "Table", name: name, spec: spec, location: at)
  }

  static func bot(_ name: String, _ extra: [String: Value] = [:]) -> DesiredResource {
    var spec: [String: Value] = [
      "goal": .string("Support"), "description": .string(description), "model": .string("m"),
    ]
    spec.merge(extra) { _, new in new }
    return DesiredResource(kind: "Chatbot", name: name, spec: spec, location: at)
  }

  static func permission(_ bot: String, _ table: String, read: Bool = true, write: Bool = false)
    -> DesiredResource
  {
    DesiredResource(
      kind: "Permission", name: "\(bot)-\(table)",
      spec: [
        "chatbot": .string(bot), "table": .string(table), "read": .bool(read),
        "write": .bool(write),
      ], location: at,
      references: [
        ResourceAddress(kind: "chatbot", name: bot), ResourceAddress(kind: "table", name: table),
      ])
  }

  static func state(_ resources: [DesiredResource]) -> DesiredState {
    DesiredState(project: ProjectSettings(name: "t"), resources: resources)
  }

  static func provider(_ fake: FakeHeHo) async -> HeHoProvider {
    HeHoProvider(
      client: APIClient(transport: await fake.transport, apiKey: FakeHeHo.key, retry: .immediate()))
  }

  @Test(arguments: [
    ("int", "integer"), ("INT4", "integer"), ("serial", "integer"), ("int8", "bigint"),
    ("varchar(255)", "character varying"), ("character varying(40)", "character varying"),
    ("timestamptz", "timestamp with time zone"), ("timestamp", "timestamp without time zone"),
    ("bool", "boolean"), ("float8", "double precision"), ("decimal", "numeric"),
    ("numeric(10, 2)", "numeric"), ("uuid", "uuid"), ("jsonb", "jsonb"),
  ])
  func typeAliasesAreCanonical(written: String, canonical: String) {
    #expect(HeHoTypes.canonical(written) == canonical)
  }

  @Test func aliasesServerDefaultsAndUnreportableFieldsAreNotChanges() async throws {
    let fake = FakeHeHo()
    await fake.addTable(
      "orders",
      columns: [
        ("id", "integer", true), ("name", "character varying", true),
        ("at", "timestamp with time zone", false),
      ])
    await fake.addChatbot(
      name: "bot",
      extra: [
        "goal": "Support", "description": Self.description, "model": "m",
        "data_table_1": "orders", "data_table_1_read": true,
      ])
    let desired = Self.state([
      Self.table(
        "orders",
        [
          [
            "name": .string("id"), "type": .string("int"), "primaryKey": .bool(true),
            "defaultValue": .int(0),
          ],
          ["name": .string("name"), "type": .string("varchar(80)"), "notNull": .bool(true)],
          ["name": .string("at"), "type": .string("timestamptz")],
        ]),
      Self.bot("bot"), Self.permission("bot", "orders"),
    ])
    let plan = try await Planner(provider: await Self.provider(fake)).plan(desired)
    #expect(!plan.summary.hasChanges)
    #expect(plan.notes.contains { $0.contains("primaryKey and defaultValue cannot be read back") })
    #expect(plan.api.readsMade == 2)
  }

  @Test func changedToneReplacesTheChatbotAndSaysWhy() async throws {
    let fake = FakeHeHo()
    await fake.addChatbot(
      name: "bot", extra: ["goal": "Support", "description": Self.description, "model": "m"])
    let plan = try await Planner(provider: await Self.provider(fake))
      .plan(Self.state([Self.bot("bot", ["tone": .string("friendly")])]))
    let operation = try #require(plan.operations.first)
    #expect(operation.action == .replace)
    #expect(operation.reasons.first?.contains("no update endpoint for chatbots") == true)
    #expect(operation.reasons.first?.hasSuffix("changed: tone") == true)
    #expect(operation.changes.map(\.field) == ["tone"])
    #expect(operation.warnings.contains { $0.contains("ID changes") })
  }

  @Test func permissionChangesAreAccessChangesOfTheChatbot() async throws {
    let fake = FakeHeHo()
    await fake.addTable("orders", columns: [("id", "integer", true)])
    await fake.addTable("faq", columns: [("id", "integer", true)])
    await fake.addChatbot(
      name: "bot",
      extra: [
        "goal": "Support", "description": Self.description, "model": "m",
        "data_table_1": "faq", "data_table_1_read": true,
        "data_table_2": "orders", "data_table_2_read": true,
      ])
    let desired = Self.state([
      Self.table("orders", [["name": .string("id"), "type": .string("int")]]),
      Self.table("faq", [["name": .string("id"), "type": .string("int")]]),
      Self.bot("bot"), Self.permission("bot", "orders", read: true, write: true),
    ])
    let plan = try await Planner(provider: await Self.provider(fake)).plan(desired)
    let bot = try #require(plan.operations.first { $0.address.kind == "chatbot" })
    #expect(bot.action == .replace)
    #expect(bot.sources.map(\.description) == ["chatbot/bot", "permission/bot-orders"])
    #expect(
      bot.changes.compactMap(\.explanation) == [
        "bot loses read on faq", "bot gains write on orders",
      ])
  }

  @Test func permissionsFillSlotsByTableName() throws {
    let compiled = try HeHoProvider(
      access: PlatformAccess(endpoint: URL(filePath: "/"), apiKey: "k")
    ).compile(
      Self.state([
        Self.bot("bot"), Self.permission("bot", "zeta"),
        Self.permission("bot", "alpha", write: true),
      ]))
    let payload = try #require(compiled.items.first?.payload)
    #expect(payload["data_table_1"] == .string("alpha"))
    #expect(payload["data_table_1_write"] == .bool(true))
    #expect(payload["data_table_2"] == .string("zeta"))
    #expect(payload["tone"] == .string("professional"))
    #expect(compiled.items.first?.dependencies.map(\.description) == ["table/alpha", "table/zeta"])
  }

  @Test func moreThanThreePermissionsIsAnError() {
    let provider = HeHoProvider(
      access: PlatformAccess(endpoint: URL(filePath: "/"), apiKey: "k"))
    let desired = Self.state(
      [Self.bot("bot")] + ["a", "b", "c", "d"].map { Self.permission("bot", $0) })
    #expect {
      try provider.compile(desired)
    } throws: { error in
      "\(error)".contains("at most 3 tables")
    }
  }

  @Test func liveStateTakesTwoRequestsWhateverItsSize() async throws {
    let fake = FakeHeHo()
    for index in 0..<25 {
      await fake.addChatbot(name: "bot\(index)")
      await fake.addTable("t\(index)", columns: [("id", "uuid", true)])
    }
    let live = try await Self.provider(fake).fetchLiveState()
    #expect(live.resources.count == 50)
    #expect(live.readsMade == 2)
    #expect(await fake.lines().count == 2)
  }

  @Test func missingKeyNamesTheVariable() {
    let project = ProjectSettings(
      name: "p",
      providers: ["heho": .init(endpoint: "https://heho.vercel.app", apiKeyEnv: "HEHO_PROD_KEY")])
    let heho = HeHoDescriptor()
    #expect {
      try PlatformAccess.resolve(heho, project: project, environment: ["HEHO_API_KEY": "x"])
    } throws: { error in
      "\(error)".contains("HEHO_PROD_KEY") && "\(error)".contains("providers.heho.apiKeyEnv")
    }
    let resolved = try? PlatformAccess.resolve(
      heho, project: project, environment: ["HEHO_PROD_KEY": "abc"])
    #expect(resolved?.apiKey == "abc")
    #expect(throws: ProviderError.self) {
      try PlatformAccess.resolve(
        heho, project: project, environment: ["HEHO_PROD_KEY": "abc"], endpointOverride: "ftp://x")
    }
  }
}
