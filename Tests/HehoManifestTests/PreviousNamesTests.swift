import Foundation
import HehoManifest
import Testing

@Suite("metadata.previousNames")
struct PreviousNamesTests {
  func table(_ name: String, previous: String) -> String {
    """
    apiVersion: heho/v1
    kind: Table
    metadata:
      name: \(name)
      previousNames: \(previous)
    spec:
      columns:
        - { name: id, type: uuid, primaryKey: true }

    """
  }

  func load(_ parts: String...) throws -> LoadResult {
    let files = try TemporaryManifests(["all.yaml": parts.joined(separator: "---\n")])
    return files.load()
  }

  @Test func previousNamesReachTheDesiredResource() throws {
    let result = try load(table("products", previous: "[items, goods]"))
    #expect(result.errors.isEmpty, "\(result.messages)")
    #expect(result.state?.resources.first?.previousNames == ["items", "goods"])
  }

  @Test func aPreviousNameFollowsTheKindsNamePattern() throws {
    let result = try load(table("products", previous: "[old-items]"))
    #expect(result.errors.count == 1, "\(result.messages)")
    #expect(result.errors.first?.location?.line == 5, "\(result.messages)")
  }

  @Test(arguments: [
    ("[products]", "lists its own name among its previous names"),
    ("[items, items]", "lists the previous name 'items' twice"),
  ])
  func selfAndRepeatedNamesArePositionedErrors(previous: String, message: String) throws {
    let result = try load(table("products", previous: previous))
    result.expectOneError(message)
    #expect(result.errors.first?.location?.line == 5)
  }

  @Test func twoResourcesCannotClaimOnePreviousName() throws {
    let result = try load(table("a", previous: "[old]"), table("b", previous: "[old]"))
    result.expectOneError("all.yaml:4:9) both list 'old' as a previous name")
    result.expectMessage("Table 'b' and Table 'a' (")
  }

  @Test func aPreviousNameMayBeDeclaredAgain() throws {
    // The old resource is renamed and a new one takes its name.
    let result = try load(table("products", previous: "[items]"), Fixtures.table("items"))
    #expect(result.errors.isEmpty, "\(result.messages)")
  }

  @Test func unknownMetadataFieldsStillFail() throws {
    let result = try load(
      table("products", previous: "[items]").replacingOccurrences(
        of: "previousNames", with: "previousName"))
    result.expectOneError("previousNames")
  }
}
