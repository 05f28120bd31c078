import Foundation

/// How a `webhookDelivered` check waits for a delivery: deliveries run in the background, so
/// the first attempt is logged a moment after the turn that caused it.
struct DeliveryPolling: Sendable {
  /// The pause between two reads of the delivery log.
  var interval: Duration
  /// How long to wait in all before the check fails.
  var timeout: Duration

  /// Every 50 ms for at most 5 s: HehoLocal dispatches within milliseconds.
  static let standard = DeliveryPolling(interval: .milliseconds(50), timeout: .seconds(5))

  /// The timeout as messages show it (`5 s`).
  var timeoutText: String {
    let (seconds, attoseconds) = timeout.components
    let value = Double(seconds) + Double(attoseconds) / 1e18
    return String(format: "%g s", value)
  }
}
