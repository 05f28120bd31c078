import Foundation
import PlatformKit
import Testing

@Suite struct ReplySourcesTests {
  @Test func anAbsentHeaderMeansThePlatformDoesNotSay() {
    #expect(ReplySources.decode(HTTPResponse(status: 200)) == nil)
  }

  @Test func anEmptyHeaderMeansGroundedOnNothing() {
    let response = HTTPResponse(status: 200, headers: ["Heho-Local-Sources": ""])
    #expect(ReplySources.decode(response) == [])
  }

  @Test func namesArePercentDecodedAndTheHeaderNameIsCaseInsensitive() {
    let response = HTTPResponse(
      status: 200, headers: ["heho-local-sources": "returns.md,opening%20hours.md,caf%C3%A9%2Cbar"])
    #expect(ReplySources.decode(response) == ["returns.md", "opening hours.md", "café,bar"])
  }

  @Test func encodingKeepsOnlyUnreservedCharacters() {
    let names = ["returns.md", "opening hours.md", "café,bar", "a~b_c-d", "50%/100%"]
    let value = ReplySources.encode(names)
    #expect(value == "returns.md,opening%20hours.md,caf%C3%A9%2Cbar,a~b_c-d,50%25%2F100%25")
    #expect(ReplySources.decode(value: value) == names)
  }

  @Test func malformedEscapesAreKeptAsWritten() {
    #expect(ReplySources.decode(value: "bad%zz.md,good.md") == ["bad%zz.md", "good.md"])
  }
}
