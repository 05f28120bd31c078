import Hummingbird
import PlatformRegistry
import Testing

@testable import HeHoLocalServer
@testable import LocalServerKit

@Suite("Chatbots API")
struct ChatbotAPITests {
  @Test("the seed's example body gets the 200-character error, 196 given")
  func seedExampleIsTooShort() async throws {
    try await withPlatform { api in
      let response = try await api.call(.post, "/api/v1/chatbots/manage", seedChatbotBody)
      #expect(response.status == .badRequest)
      #expect(response.error == "description must be at least 200 characters (got 196)")
      #expect(response.field == "description")
      let list = try await api.call(.get, "/api/v1/chatbots/manage")
      #expect(list.json["chatbots"]?.arrayValue.isEmpty == true)
    }
  }

  @Test("a valid chatbot gets the documented defaults and shape")
  func createWithDefaults() async throws {
    try await withPlatform { api in
      let response = try await api.call(
        .post, "/api/v1/chatbots/manage", chatbotJSON(name: "support-bot"))
      #expect(response.status == .created)
      #expect(response.json["success"] == .bool(true))
      let bot = try #require(response.json["chatbot"])
      #expect(bot["name"] == .string("support-bot"))
      #expect(bot["tone"] == .string("professional"))
      #expect(bot["theme"] == .string("sky"))
      for slot in 1...3 {
        #expect(bot["data_table_\(slot)"] == .null)
        for flag in ["read", "write", "edit"] {
          #expect(bot["data_table_\(slot)_\(flag)"] == .bool(false))
        }
      }
      #expect(bot["id"]?.stringValue?.count == 36)
      #expect(bot["created_at"]?.stringValue?.hasSuffix("Z") == true)
    }
  }

  @Test(
    "required fields are named when missing", arguments: ["name", "goal", "description", "model"])
  func requiredField(_ field: String) async throws {
    try await withPlatform { api in
      var fields = [
        "\"name\": \"bot\"", "\"goal\": \"Support\"", "\"description\": \"\(validDescription)\"",
        "\"model\": \"m\"",
      ]
      fields.removeAll { $0.hasPrefix("\"\(field)\"") }
      let response = try await api.call(
        .post, "/api/v1/chatbots/manage", "{" + fields.joined(separator: ", ") + "}")
      #expect(response.status == .badRequest)
      #expect(response.field == field)
      #expect(response.error == "\(field) is required")
    }
  }

  @Test(
    "wrong JSON types are 400 naming the field",
    arguments: [
      ("\"name\": 5", "name"), ("\"tone\": true", "tone"),
      (
        "\"data_table_1_read\": \"yes\"",
        "data_table_1_read"
      ), ("\"theme\": [1]", "theme"),
    ])
  func wrongTypes(_ fragment: String, _ field: String) async throws {
    try await withPlatform { api in
      let body = chatbotJSON(name: "bot", extra: fragment).replacingOccurrences(
        of: "\"name\": \"bot\",", with: field == "name" ? "" : "\"name\": \"bot\",")
      let response = try await api.call(.post, "/api/v1/chatbots/manage", body)
      #expect(response.status == .badRequest)
      #expect(response.field == field)
    }
  }

  @Test("tone and theme accept exactly the documented values")
  func toneAndTheme() async throws {
    try await withPlatform { api in
      for (index, tone) in ChatbotValidator.tones.enumerated() {
        let response = try await api.call(
          .post, "/api/v1/chatbots/manage",
          chatbotJSON(name: "t\(index)", extra: "\"tone\": \"\(tone)\""))
        #expect(response.json["chatbot"]?["tone"] == .string(tone))
      }
      for (index, theme) in ChatbotValidator.themes.enumerated() {
        let response = try await api.call(
          .post, "/api/v1/chatbots/manage",
          chatbotJSON(name: "h\(index)", extra: "\"theme\": \"\(theme)\""))
        #expect(response.json["chatbot"]?["theme"] == .string(theme))
      }
      let badTone = try await api.call(
        .post, "/api/v1/chatbots/manage", chatbotJSON(name: "x", extra: "\"tone\": \"rude\""))
      #expect(badTone.status == .badRequest)
      #expect(badTone.field == "tone")
      #expect(badTone.error.contains("friendly, professional, strict"))
      let badTheme = try await api.call(
        .post, "/api/v1/chatbots/manage", chatbotJSON(name: "x", extra: "\"theme\": \"Sky\""))
      #expect(badTheme.status == .badRequest)
      #expect(badTheme.field == "theme")
    }
  }

  @Test(
    "names may repeat (the seed promises no uniqueness), list is in creation order, delete works")
  func repeatedNamesListDelete() async throws {
    try await withPlatform { api in
      for name in ["b", "a", "c", "a"] {
        let created = try await api.call(.post, "/api/v1/chatbots/manage", chatbotJSON(name: name))
        #expect(created.status == .created, "\(created.error)")
      }
      let list = try await api.call(.get, "/api/v1/chatbots/manage")
      let bots = list.json["chatbots"]?.arrayValue ?? []
      #expect(bots.compactMap { $0["name"]?.stringValue } == ["b", "a", "c", "a"])
      let ids = Set(bots.compactMap { $0["id"]?.stringValue })
      #expect(ids.count == 4)
      let id = try #require(bots.first?["id"]?.stringValue)
      let deleted = try await api.call(.delete, "/api/v1/chatbots/manage?chatbotId=\(id)")
      #expect(deleted.status == .ok)
      #expect(deleted.json["success"] == .bool(true))
      #expect(deleted.json["id"] == .string(id))
      let again = try await api.call(.delete, "/api/v1/chatbots/manage?chatbotId=\(id)")
      #expect(again.status == .notFound)
      let missing = try await api.call(.delete, "/api/v1/chatbots/manage")
      #expect(missing.status == .badRequest)
      #expect(missing.field == "chatbotId")
      let after = try await api.call(.get, "/api/v1/chatbots/manage")
      #expect(after.json["chatbots"]?.arrayValue.count == 3)
    }
  }

  @Test("with unique names on, a second chatbot with an existing name is a 409 and adds nothing")
  func uniqueNamesWhenAskedFor() async throws {
    try await TestPlatform.make(uniqueNames: true).run { api in
      let first = try await api.call(.post, "/api/v1/chatbots/manage", chatbotJSON(name: "a"))
      #expect(first.status == .created)
      let duplicate = try await api.call(.post, "/api/v1/chatbots/manage", chatbotJSON(name: "a"))
      #expect(duplicate.status == .conflict)
      #expect(duplicate.field == "name")
      #expect(duplicate.error.contains("a chatbot named 'a' already exists"))
      let other = try await api.call(.post, "/api/v1/chatbots/manage", chatbotJSON(name: "b"))
      #expect(other.status == .created)
      let list = try await api.call(.get, "/api/v1/chatbots/manage")
      #expect(
        list.json["chatbots"]?.arrayValue.compactMap { $0["name"]?.stringValue } == ["a", "b"])
    }
  }

  @Test("a data table must exist on the caller's platform")
  func dataTableMustExist() async throws {
    try await withPlatform { api in
      let missing = try await api.call(
        .post, "/api/v1/chatbots/manage",
        chatbotJSON(name: "bot", extra: "\"data_table_1\": \"customers\""))
      #expect(missing.status == .badRequest)
      #expect(missing.field == "data_table_1")
      try await api.createTable(seedTableBody)
      let created = try await api.call(
        .post, "/api/v1/chatbots/manage",
        chatbotJSON(
          name: "bot",
          extra:
            "\"data_table_2\": \"customers\", \"data_table_2_read\": true, \"data_table_2_edit\": true"
        ))
      #expect(created.status == .created)
      let bot = try #require(created.json["chatbot"])
      #expect(bot["data_table_2"] == .string("customers"))
      #expect(bot["data_table_2_read"] == .bool(true))
      #expect(bot["data_table_2_write"] == .bool(false))
      #expect(bot["data_table_2_edit"] == .bool(true))
      #expect(bot["data_table_1"] == .null)
    }
  }

  @Test("malformed and empty bodies are 400")
  func malformedBodies() async throws {
    try await withPlatform { api in
      let broken = try await api.call(.post, "/api/v1/chatbots/manage", "{\"name\": ")
      #expect(broken.status == .badRequest)
      #expect(broken.error == "request body is not valid JSON")
      let empty = try await api.call(.post, "/api/v1/chatbots/manage", "")
      #expect(empty.status == .badRequest)
      let array = try await api.call(.post, "/api/v1/chatbots/manage", "[1, 2]")
      #expect(array.status == .badRequest)
    }
  }
}
