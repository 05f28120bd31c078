import Foundation
import HehoManifest
import Testing

@Suite("Cross-resource rules")
struct ReferenceTests {
  func load(_ parts: String...) throws -> LoadResult {
    let files = try TemporaryManifests(["all.yaml": parts.joined(separator: "---\n")])
    return files.load()
  }

  @Test func duplicateNamesPointAtBothNames() throws {
    let result = try load(Fixtures.table("t"), Fixtures.table("t"))
    result.expectOneError("all.yaml:12:9: error: duplicate Table 't': already declared at ")
    #expect(result.errors.first?.message.contains("all.yaml:4:9") == true)
    result.expectMessage("all.yaml:4:9: note: Table 't' first declared here")
  }

  @Test func danglingReferenceSuggests() throws {
    let result = try load(
      Fixtures.chatbot("support"), Fixtures.table("products"),
      Fixtures.permission("p", chatbot: "suport", table: "products"))
    result.expectOneError(
      "Permission 'p' refers to Chatbot 'suport', which no manifest declares; did you mean 'support'?"
    )
    #expect(result.errors.first?.location?.column == 12)
  }

  @Test func atMostThreeTablesPerChatbot() throws {
    let result = try load(
      Fixtures.chatbot("bot"), Fixtures.table("a"), Fixtures.table("b"), Fixtures.table("c"),
      Fixtures.table("d"), Fixtures.permission("pa", chatbot: "bot", table: "a"),
      Fixtures.permission("pb", chatbot: "bot", table: "b"),
      Fixtures.permission("pc", chatbot: "bot", table: "c"),
      Fixtures.permission("pd", chatbot: "bot", table: "d"))
    #expect(result.errors.count == 1)
    let message = try #require(result.errors.first?.message)
    #expect(message.contains("at most 3"))
    for name in ["pa", "pb", "pc", "pd"] { #expect(message.contains(name)) }
  }

  @Test func threeTablesAreFine() throws {
    let result = try load(
      Fixtures.chatbot("bot"), Fixtures.table("a"), Fixtures.table("b"), Fixtures.table("c"),
      Fixtures.permission("pa", chatbot: "bot", table: "a"),
      Fixtures.permission("pb", chatbot: "bot", table: "b"),
      Fixtures.permission("pc", chatbot: "bot", table: "c"))
    #expect(!result.hasErrors, "\(result.messages)")
    #expect(result.state?.resources.count == 7)
  }

  @Test func onePermissionPerPair() throws {
    let result = try load(
      Fixtures.chatbot("bot"), Fixtures.table("a"),
      Fixtures.permission("one", chatbot: "bot", table: "a"),
      Fixtures.permission("two", chatbot: "bot", table: "a"))
    result.expectOneError("grants chatbot 'bot' access to table 'a' again")
  }

  @Test func tableRules() throws {
    let columns = """
          - { name: id, type: uuid, primaryKey: true }
          - { name: ID, type: txt, primaryKey: true }
      """
    let result = try load(Fixtures.table("t", columns: columns))
    result.expectMessage("column type 'txt' is not valid")
    result.expectMessage("did you mean 'text'?")
    let rules = try load(
      Fixtures.table("t", columns: columns.replacingOccurrences(of: "txt", with: "TEXT")))
    rules.expectMessage("more than one primary key")
    rules.expectMessage("duplicate column name 'ID'")
    let connect = try load(
      "apiVersion: heho/v1\nkind: Table\nmetadata: {name: legacy}\nspec: {connect: true}\n")
    #expect(!connect.hasErrors)
    let empty = try load("apiVersion: heho/v1\nkind: Table\nmetadata: {name: empty}\nspec: {}\n")
    empty.expectMessage("needs at least one column")
  }

  @Test func unknownFieldsSuggest() throws {
    let result = try load(Fixtures.chatbot("bot", extra: "  tonne: friendly\n"))
    result.expectMessage(
      "all.yaml:9:3: error: unknown field 'tonne' in Chatbot spec; did you mean 'tone'?")
  }

  @Test func descriptionLengthIsChecked() throws {
    let files = try TemporaryManifests([
      "bot.yaml": """
      apiVersion: heho/v1
      kind: Chatbot
      metadata: { name: bot }
      spec:
        goal: Help
        descriptionFile: short.md
        model: m

      """,
      "short.md": "Too short.\n",
    ])
    let result = files.load()
    result.expectMessage(
      "bot.yaml:6:20: error: description is 10 characters long; it must be at least 200")
  }
}
