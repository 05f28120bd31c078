import Testing

@testable import HehoManifest

@Suite struct FieldLocationsTests {
  static func at(_ line: Int) -> FieldLocation {
    FieldLocation(key: nil, value: SourceLocation(file: "f.yaml", line: line, column: 1))
  }

  /// Fields are recorded as steps below their holders; paths are spelled out when looked up.
  @Test func pathsAreSpelledFromStepsAndTheLastEntryWins() {
    var table = FieldLocations()
    let root = table.append(parent: -1, .root, Self.at(1))
    let spec = table.append(parent: root, .key("spec"), Self.at(2))
    let columns = table.append(parent: spec, .key("columns"), Self.at(3))
    let second = table.append(parent: columns, .index(1), Self.at(4))
    table.append(parent: second, .key("type"), Self.at(5))
    table.append(parent: root, .key("metadata.name"), Self.at(6))
    #expect(table.path(of: second) == "spec.columns[1]")
    #expect(table["spec.columns[1].type"]?.value.line == 5)
    #expect(table["spec"]?.value.line == 2)
    #expect(table[""]?.value.line == 1)
    #expect(table["spec.columns[0].type"] == nil)
    #expect(table["metadata.name"]?.value.line == 6)
    table["spec.columns[1].type"] = Self.at(9)
    #expect(table["spec.columns[1].type"]?.value.line == 9)
    #expect(table.removeValue(forKey: "spec.columns")?.value.line == 3)
    #expect(table["spec.columns"] == nil)
    // A field below a removed one keeps its own path.
    #expect(table["spec.columns[1]"]?.value.line == 4)
    #expect(
      table.specFields.mapValues(\.line) == ["columns[1]": 4, "columns[1].type": 9])
  }
}
