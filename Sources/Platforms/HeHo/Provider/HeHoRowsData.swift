import HehoManifest

/// `POST /api/v1/database/manage` `read`: the rows, each an object of column values.
struct HeHoRowsData: Decodable, Sendable {
  var data: [[String: Value]]?
}
