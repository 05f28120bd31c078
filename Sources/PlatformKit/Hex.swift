/// Lower-case hexadecimal text of bytes (content digests, fingerprints).
public enum Hex {
  /// `bytes` as two hex digits each.
  public static func string(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { byte in
      let digits = String(byte, radix: 16)
      return digits.count == 1 ? "0" + digits : digits
    }.joined()
  }
}
