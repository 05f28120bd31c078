import Foundation
import PlatformKit

/// Tells whether an endpoint is served by HehoLocal (`heho local serve`), whose extras a live
/// platform lacks: it asks `GET /_local/health` at the endpoint's origin, once, without the
/// key, and takes only `{"status": "ok"}` for a yes.
enum LocalExtrasProbe {
  /// Whether `access`'s endpoint is HehoLocal. Any failure (a live platform's 404, no answer
  /// within five seconds) is a no.
  static func answers(_ access: PlatformAccess) async -> Bool {
    guard var origin = URLComponents(url: access.endpoint, resolvingAgainstBaseURL: false)
    else { return false }
    origin.path = ""
    origin.query = nil
    guard let base = origin.url else { return false }
    let transport = NIOHTTPTransport(baseURL: base, timeout: .seconds(5), maxResponseBytes: 4096)
    guard
      let response = try? await transport.send(
        HTTPRequest(method: "GET", path: "/_local/health")),
      response.status == 200,
      let body = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
    else { return false }
    return body["status"] as? String == "ok"
  }
}
