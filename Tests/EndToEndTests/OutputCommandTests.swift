import Foundation
import Testing

/// `heho output`: the values the platform assigned, read live, equal the server's.
@Suite struct OutputCommandTests {
  @Test func idsEqualTheServersAndAMissingResourceFails() async throws {
    let harness = try await Harness.start()
    #expect(await harness.run(["apply", "--auto-approve"]).code == 0)
    let json = await harness.run(["output", "--output", "json"])
    #expect(json.code == 0, "\(json.all)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
    #expect(object["format_version"] as? String == "1")
    var ids: [String: String] = [:]
    for entry in object["outputs"] as? [[String: Any]] ?? [] {
      let address = entry["address"] as? [String: Any]
      let key = "\(address?["kind"] as? String ?? "")/\(address?["name"] as? String ?? "")"
      ids[key] = entry["id"] as? String
      #expect(entry["platform"] as? String == "heho")
    }
    let chatbots = try await harness.api("GET", "/api/v1/chatbots/manage")["chatbots"]
    let served = (chatbots as? [[String: Any]] ?? []).map {
      ("chatbot/\($0["name"] as? String ?? "")", $0["id"] as? String ?? "")
    }
    #expect(served.count == 3)
    for (address, id) in served { #expect(ids[address] == id, "\(address)") }
    for table in try await harness.tableNames() { #expect(ids["table/\(table)"] == table) }
    #expect(ids.keys.filter { $0.hasPrefix("permission/") }.isEmpty)
    #expect(ids.count == 6)

    let text = await harness.run(["output"])
    #expect(text.code == 0)
    let bot = try #require(served.first)
    #expect(text.out.contains("\(bot.0)") && text.out.contains("id = \(bot.1)  (heho)"))

    _ = try await harness.api("DELETE", "/api/v1/chatbots/manage?chatbotId=\(bot.1)")
    let missing = await harness.run(["output"])
    #expect(missing.code == 1)
    #expect(missing.out.contains("\(bot.0)  (heho): not on the platform: run heho apply"))
    await harness.stop()
  }
}
