import Foundation
import Testing

@testable import HeHoProvider

/// The fast reader of HeHo's lists answers exactly what `JSONDecoder` does, or leaves the body
/// to it.
@Suite struct HeHoListDecoderTests {
  static let chatbot =
    #"{"created_at":"2026-12-03T14:41:20Z","data_table_1":"orders","data_table_1_edit":false,"#
    + #""data_table_1_read":true,"data_table_1_write":true,"data_table_2":null,"#
    + #""data_table_2_read":true,"data_table_3":"","data_table_3_edit":true,"#
    + #""description":"Helps \"you\"\n\u00e9\ud83d\ude00 /\/ caf\u00e9 ünï","goal":null,"#
    + #""id":"c-1","model":"m","name":"support-bot","tone":"friendly","extra":[1,-2.5e3,{"a":[]}]}"#

  static let table =
    #"{"columns":[{"column_name":"id","data_type":"uuid","required":true},"#
    + #"{"column_name":"note","data_type":"text","required":null},"#
    + #"{"column_name":"n","data_type":"integer"}],"table_name":"orders","size":0.5}"#

  /// Bodies the fast path reads itself.
  static let readable = [
    #"{"chatbots":[]}"#,
    " { \"chatbots\" : [ \(chatbot) , {\"id\":\"2\",\"name\":\"b\"} ] , \"total\": 2 } \n",
    #"{"tables":[]}"#,
    #"{"next":null,"tables":[\#(table),{"table_name":"t","columns":[]}]}"#,
  ]

  /// Bodies left to `JSONDecoder` (some it reads, some it refuses).
  static let leftOver = [
    "", "[]", #"{"chatbots":{}}"#, #"{"chatbots":[{"id":"1"}]}"#,
    #"{"chatbots":[{"id":1,"name":"a"}]}"#, #"{"chatbots":[{"id":"1","name":"a","goal":3}]}"#,
    #"{"chatbots":[{"id":"1","name":"a","id":"2"}]}"#, #"{"chatbots":[],"chatbots":[]}"#,
    #"{"chatbots":[{"i\u0064":"1","name":"a"}]}"#, #"{"chatbots":[]} x"#,
    #"{"chatbots":[{"id":"1","name":"a","data_table_1_read":1}]}"#,
    #"{"chatbots":[{"id":"1","name":"a","x":01}]}"#, #"{"chatbots":[{"id":"\ud800","name":"a"}]}"#,
    "\u{FEFF}{\"chatbots\":[]}", #"{"tables":[{"table_name":"t"}]}"#,
    #"{"tables":[{"table_name":"t","columns":[{"column_name":"c"}]}]}"#,
    #"{"tables":[{"table_name":"t","columns":[],"columns":[]}]}"#,
    #"{"tables":[{"table_name":"t","columns":[{"column_name":"c","data_type":"x","required":"y"}]}]}"#,
  ]

  static func fast(_ body: String) -> String? {
    let data = Data(body.utf8)
    if body.contains("chatbots") {
      return HeHoListDecoder.chatbots(data).map { String(describing: $0) }
    }
    return HeHoListDecoder.tables(data).map { String(describing: $0) }
  }

  static func foundation(_ body: String) -> String? {
    let data = Data(body.utf8)
    if body.contains("chatbots") {
      return (try? JSONDecoder().decode(HeHoChatbotList.self, from: data)).map {
        String(describing: $0.chatbots)
      }
    }
    return (try? JSONDecoder().decode(HeHoTableList.self, from: data)).map {
      String(describing: $0.tables)
    }
  }

  @Test(arguments: readable) func readsWhatJSONDecoderReads(body: String) throws {
    let fast = try #require(Self.fast(body))
    #expect(fast == Self.foundation(body))
  }

  @Test(arguments: leftOver) func leavesTheRestToJSONDecoder(body: String) {
    #expect(Self.fast(body) == nil)
  }

  @Test func slotsAreGatheredAsJSONDecoderGathersThem() throws {
    let bots = try #require(
      HeHoListDecoder.chatbots(Data(#"{"chatbots":[\#(Self.chatbot)]}"#.utf8)))
    #expect(bots.count == 1)
    #expect(bots[0].slots == [HeHoSlotWire(table: "orders", read: true, write: true, edit: false)])
    #expect(bots[0].description == "Helps \"you\"\né😀 // café ünï")
    #expect(bots[0].goal == nil)
  }
}
