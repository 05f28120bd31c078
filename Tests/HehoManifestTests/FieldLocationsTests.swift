import Testing

@testable import HehoManifest

@Suite struct FieldLocationsTests {
  static func at(_ line: Int) -> FieldLocation {
    FieldLocation(key: nil, value: SourceLocation(file: "f.yaml", line: line, column: 1))
  }

  @Test func behavesLikeADictionaryWhereTheLastEntryWins() {
    var table = FieldLocations()
    table.append("spec.a", Self.at(1))
    table.append("spec.b", Self.at(2))
    table.append("metadata.name", Self.at(3))
    #expect(table["spec.a"]?.value.line == 1)
    #expect(table["spec.missing"] == nil)
    table["spec.a"] = Self.at(7)
    #expect(table["spec.a"]?.value.line == 7)
    #expect(table.entries.filter { $0.path == "spec.a" }.count == 1)
    #expect(table.removeValue(forKey: "spec.b")?.value.line == 2)
    #expect(table["spec.b"] == nil)
    #expect(table.specFields.mapValues(\.line) == ["a": 7])
    table["spec.a"] = nil
    #expect(table["spec.a"] == nil)
  }
}
