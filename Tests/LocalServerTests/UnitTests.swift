import PlatformRegistry
import Testing

@testable import HeHoLocalServer
@testable import LocalServerKit

@Suite("Building blocks")
struct UnitTests {
  @Test(
    "SHA-256 matches the standard vectors",
    arguments: [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
    ])
  func sha256(_ input: String, _ digest: String) {
    #expect(APIKey.hash(input) == digest)
  }

  @Test("generated keys are distinct and well formed")
  func keys() {
    let keys = (0..<20).map { _ in APIKey.generate() }
    #expect(Set(keys).count == 20)
    #expect(keys.allSatisfy { $0.hasPrefix("heho_local_") && $0.count == 51 })
  }

  @Test("SplitMix64 is reproducible")
  func splitMix() {
    var a = SplitMix64(seed: 9)
    var b = SplitMix64(seed: 9)
    var c = SplitMix64(seed: 10)
    let first = (0..<5).map { _ in a.next() }
    #expect(first == (0..<5).map { _ in b.next() })
    #expect(first != (0..<5).map { _ in c.next() })
  }

  @Test("fault kinds parse from command-line names")
  func kindNames() {
    for kind in FaultConfiguration.Kind.allCases {
      #expect(FaultConfiguration.Kind(commandLineName: kind.commandLineName) == kind)
      #expect(FaultConfiguration.Kind(commandLineName: kind.rawValue) == kind)
    }
    #expect(FaultConfiguration.Kind(commandLineName: "404") == nil)
  }

  @Test("SQLite declared types map to PostgreSQL spellings")
  func sqliteMapping() {
    let cases: [(String, String)] = [
      ("INTEGER", "integer"), ("BIGINT", "bigint"), ("UNSIGNED BIG INT", "bigint"),
      ("VARCHAR(20)", "character varying"), ("NVARCHAR(5)", "text"), ("CLOB", "text"),
      ("", "bytea"), ("BLOB", "bytea"), ("DOUBLE", "double precision"),
      ("FLOAT", "double precision"),
      ("DECIMAL(10,5)", "numeric"), ("BOOLEAN", "boolean"),
      ("DATETIME", "timestamp without time zone"),
      ("MONEY", "numeric"),
    ]
    for (declared, expected) in cases {
      #expect(ColumnType.fromSQLite(declared: declared).dataType == expected, "\(declared)")
    }
  }
}
