import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Calls a platform's API directly with one key, as a person changing things by hand would:
/// the set-up and checks of the end-to-end, drift and reliability suites. Every call checks its
/// status.
public struct PlatformAPI: Sendable {
  /// A call answered with a status other than 2xx, or could not be made.
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// The platform's base URL (`http://127.0.0.1:PORT`).
  public var baseURL: String
  /// The key sent as `Authorization: Bearer KEY`.
  public var key: String

  /// Creates a client.
  public init(baseURL: String, key: String) {
    self.baseURL = baseURL
    self.key = key
  }

  /// Sends `method path` with a JSON body; the body of a 2xx response, else a `Failure`
  /// naming the request, the status and the body.
  @discardableResult
  public func send(_ method: String, _ path: String, json: [String: Any]? = nil) async throws
    -> Data
  {
    let (status, data) = try await exchange(method, path, json: json)
    guard (200..<300).contains(status) else {
      throw Failure(
        description:
          "\(method) \(path) answered \(status): \(String(decoding: data, as: UTF8.self))")
    }
    return data
  }

  /// Sends `method path` and returns the 2xx response's JSON object.
  @discardableResult
  public func object(_ method: String, _ path: String, json: [String: Any]? = nil) async throws
    -> [String: Any]
  {
    let data = try await send(method, path, json: json)
    return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
  }

  /// Sends `method path` whatever the answer; its status and body (for tests of statuses).
  public func exchange(_ method: String, _ path: String, json: [String: Any]? = nil) async throws
    -> (status: Int, body: Data)
  {
    guard let url = URL(string: baseURL + path) else {
      throw Failure(description: "\(method) \(path): not a URL under \(baseURL)")
    }
    var request = URLRequest(url: url)
    request.httpMethod = method
    request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
    if let json {
      request.httpBody = try JSONSerialization.data(withJSONObject: json)
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    let (data, response) = try await URLSession.shared.data(for: request)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
  }
}
