import Foundation
import Yams

/// What an OpenAPI document of `schemas/` promises that schemathesis (`scripts/api-conformance`)
/// relies on: every authenticated operation lists 429 (each organization is rate limited), every
/// create links its answer to the operations that take the created resource, and every link names
/// an operation and parameters that exist. Each check returns the places at fault, so a test can
/// show a broken document is caught as well as that the real ones pass.
struct OpenAPIDocumentAudit {
  /// One operation: `METHOD /path`, its object, and the parameters of its path item.
  struct Operation {
    let label: String
    let method: String
    let object: [String: Any]
    let pathParameters: [Any]
  }

  let document: [String: Any]
  let operations: [Operation]

  init(yaml: String) throws {
    guard let document = try Yams.load(yaml: yaml) as? [String: Any] else {
      throw AuditError("the document is not a YAML mapping; an OpenAPI document is one")
    }
    self.document = document
    var operations: [Operation] = []
    for (path, item) in document["paths"] as? [String: Any] ?? [:] {
      let item = item as? [String: Any] ?? [:]
      for method in ["get", "post", "put", "patch", "delete"] {
        guard let object = item[method] as? [String: Any] else { continue }
        operations.append(
          Operation(
            label: "\(method.uppercased()) \(path)", method: method, object: object,
            pathParameters: item["parameters"] as? [Any] ?? []))
      }
    }
    self.operations = operations.sorted { $0.label < $1.label }
  }

  /// The document `schemas/FILE` of this repository.
  static func load(_ file: String) throws -> OpenAPIDocumentAudit {
    let url = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("schemas/\(file)")
    return try OpenAPIDocumentAudit(yaml: String(contentsOf: url, encoding: .utf8))
  }

  /// Operations that need a key but do not list 429. An operation with `security: []` (HehoLocal's
  /// `/_local` routes) belongs to no organization, so no rate limit applies to it.
  func operationsWithoutRateLimit() -> [String] {
    operations.filter { operation in
      let security = operation.object["security"] as? [Any] ?? document["security"] as? [Any]
      let authenticated = !(security ?? []).isEmpty
      return authenticated && responses(of: operation)["429"] == nil
    }.map(\.label)
  }

  /// Creates (a POST answering 201) whose 201 answer has no links.
  func createsWithoutLinks() -> [String] {
    operations.filter { operation in
      guard operation.method == "post", let created = responses(of: operation)["201"] else {
        return false
      }
      return (resolve(created)["links"] as? [String: Any] ?? [:]).isEmpty
    }.map(\.label)
  }

  /// Links that name no operation of the document, a parameter their target does not take, or a
  /// request body for a target that has none; each as `SOURCE STATUS NAME: what is wrong`.
  func brokenLinks() -> [String] {
    var problems: [String] = []
    for (source, status, name, link) in links() {
      let place = "\(source.label) \(status) \(name)"
      guard let targetID = link["operationId"] as? String,
        let target = operations.first(where: { $0.object["operationId"] as? String == targetID })
      else {
        let named = link["operationId"] ?? "(none)"
        problems.append("\(place): operationId \(named) names no operation")
        continue
      }
      let taken = Set(parameters(of: target).map { "\($0["in"] ?? "").\($0["name"] ?? "")" })
      for key in (link["parameters"] as? [String: Any] ?? [:]).keys where !taken.contains(key) {
        problems.append(
          "\(place): \(targetID) takes no parameter \(key) (it takes \(taken.sorted()))")
      }
      if link["requestBody"] != nil, target.object["requestBody"] == nil {
        problems.append("\(place): \(targetID) takes no request body")
      }
    }
    return problems
  }

  /// Operations with a path parameter (`/bots/{id}`) that no link leads to: random IDs only
  /// ever reach their 404.
  func pathOperationsWithoutLinks() -> [String] {
    let targets = Set(links().compactMap { $0.link["operationId"] as? String })
    return operations.filter { operation in
      parameters(of: operation).contains { $0["in"] as? String == "path" }
        && !targets.contains(operation.object["operationId"] as? String ?? "")
    }.map(\.label)
  }

  /// Every link of every response: its operation, status, name and definition.
  func links() -> [(source: Operation, status: String, name: String, link: [String: Any])] {
    operations.flatMap { operation in
      responses(of: operation).flatMap { status, response in
        (resolve(response)["links"] as? [String: Any] ?? [:]).map { name, link in
          (operation, status, name, resolve(link))
        }
      }
    }
  }

  private func responses(of operation: Operation) -> [String: Any] {
    operation.object["responses"] as? [String: Any] ?? [:]
  }

  /// The parameters of an operation and of its path item, references resolved.
  private func parameters(of operation: Operation) -> [[String: Any]] {
    (operation.pathParameters + (operation.object["parameters"] as? [Any] ?? [])).map(resolve)
  }

  /// `value` with a local `$ref` (`#/components/...`) followed.
  private func resolve(_ value: Any) -> [String: Any] {
    guard let object = value as? [String: Any] else { return [:] }
    guard let reference = object["$ref"] as? String, reference.hasPrefix("#/") else {
      return object
    }
    var current: Any = document
    for part in reference.dropFirst(2).split(separator: "/") {
      current = (current as? [String: Any])?[String(part)] ?? [:]
    }
    return current as? [String: Any] ?? [:]
  }
}

/// A document the audit cannot read.
struct AuditError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
