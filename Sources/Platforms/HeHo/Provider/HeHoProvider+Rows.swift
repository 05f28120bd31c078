import Foundation
import HehoEngine
import HehoManifest
import PlatformKit

/// `TableData`: a table's rows read with one `read` each, and written one `add`, `edit` or
/// `delete` at a time through the row API (`POST /api/v1/database/manage`).
extension HeHoProvider {
  /// How many tables' rows are read at once.
  static let rowReadParallelism = 8

  public func fetchRecords(_ sources: [RecordSource]) async throws -> LiveState {
    let before = client.counter.reads
    let resources = try await BoundedTasks.map(sources, width: Self.rowReadParallelism) {
      try await readRows($0)
    }.compactMap { $0 }.sorted { $0.address < $1.address }
    return LiveState(resources: resources, readsMade: client.counter.reads - before)
  }

  /// The live rows of `source`'s table, normalized as its manifest's rows are; `nil` when the
  /// table is gone.
  func readRows(_ source: RecordSource) async throws -> LiveResource? {
    let table = source.container.name
    let rows: [[String: Value]]
    do {
      rows = try await read(
        table: table, query: nil, doing: "reading the rows of \(source.container)")
    } catch let error as ProviderError where error.status == 404 {
      return nil
    }
    let records = rows.map { row in
      var fields: [String: Value] = [:]
      fields.reserveCapacity(row.count)
      for (name, value) in row {
        fields[name] =
          (try? RowValues.normalize(value, type: source.fieldTypes[name]).get()) ?? value
      }
      return Record(
        key: RowValues.keyText(fields[source.keyField] ?? .null), fields: fields,
        id: source.idField.flatMap { fields[$0] })
    }
    return LiveResource(address: source.address, id: table, fields: [:], records: records)
  }

  /// The rows of `table` matching `query` (every row without one): one read.
  func read(table: String, query: [String: Value]?, doing: String) async throws -> [[String: Value]]
  {
    let request = try rowRequest("read", table, query.map { ["query": .object($0)] } ?? [:])
    let response = try await call(request, idempotent: true, write: false, doing: doing)
    // A table's rows can be many: read them fast, and leave anything unusual (and its error
    // message) to the decoder.
    if response.status / 100 == 2,
      case .object(let body)? = JSONValueReader.value(of: response.body),
      case .array(let rows)? = body["data"]
    {
      let objects = rows.compactMap(\.objectValue)
      if objects.count == rows.count { return objects }
    }
    return try client.decode(HeHoRowsData.self, from: response, for: request.line).data ?? []
  }

  /// Writes one row: an add that is looked up by its key before it is sent again after an
  /// unknown outcome (so a fault never makes a duplicate), an edit of the changed columns, or a
  /// delete (a 404 after an unknown outcome means it happened).
  func performRow(_ step: ApplyStep, _ write: RecordWrite) async throws -> StepResult {
    let table = write.source.container.name
    let change = write.change
    let id = change.id ?? change.keyValue
    let row = "row \(write.source.keyField) = \(change.key) of \(write.source.container)"
    switch change.action {
    case .add:
      let request = try rowRequest("add", table, ["data": .object(step.payload)])
      var lookup = [write.source.keyField: change.keyValue]
      if let fields = write.source.lookupFields {
        lookup = [:]
        for field in fields { lookup[field] = step.payload[field] ?? .null }
      }
      let query = lookup
      return try await writes.create(
        step, request: request,
        lookup: {
          try await read(table: table, query: query, doing: "looking up \(row)")
            .map { _ in change.key }
        }, createdID: { _ in change.key })
    case .edit:
      let request = try rowRequest("edit", table, ["id": id, "data": .object(step.payload)])
      _ = try await call(request, idempotent: true, write: true, doing: "editing \(row)")
      return StepResult(liveID: change.key)
    case .delete:
      return try await writes.delete(step, request: try rowRequest("delete", table, ["id": id]))
    }
  }

  /// `POST /api/v1/database/manage` with `action`, `tableName` and `members`.
  func rowRequest(_ action: String, _ table: String, _ members: [String: Value]) throws
    -> HTTPRequest
  {
    var body = members
    body["action"] = .string(action)
    body["tableName"] = .string(table)
    return HTTPRequest(method: "POST", path: HeHoPaths.rows, body: try APIClient.json(body))
  }
}
