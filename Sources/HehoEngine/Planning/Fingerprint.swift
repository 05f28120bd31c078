import Foundation
import HehoManifest

/// A stable FNV-1a-64 hash of the live state a plan was computed from, in hex.
///
/// Two fetches of an unchanged platform give the same fingerprint; any change to a managed
/// field, an ID, a resource's presence or a counted table's record count changes it.
public enum Fingerprint {
  struct Canonical: Encodable {
    var resources: [LiveResource]
    var recordCounts: [String: Int]
  }

  /// The fingerprint of `live` and the record counts the plan depended on (by address).
  public static func of(_ live: LiveState, recordCounts: [ResourceAddress: Int]) -> String {
    let resources = live.resources.sorted { ($0.address, $0.id) < ($1.address, $1.id) }
    let counts = Dictionary(
      uniqueKeysWithValues: recordCounts.map { ($0.key.description, $0.value) })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data =
      (try? encoder.encode(Canonical(resources: resources, recordCounts: counts))) ?? Data()
    return hex(fnv1a64(data))
  }

  /// FNV-1a, 64 bits.
  public static func fnv1a64<Bytes: Sequence>(_ bytes: Bytes) -> UInt64
  where Bytes.Element == UInt8 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
  }

  public static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
  }
}
