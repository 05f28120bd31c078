/// A gadget as the API sends it.
struct GadgetWire: Codable, Sendable {
  var id: String
  var name: String
  var color: String
  var enabled: Bool
}

/// `GET /gadgets`: every gadget of the account.
struct GadgetList: Decodable, Sendable {
  var gadgets: [GadgetWire]
}
