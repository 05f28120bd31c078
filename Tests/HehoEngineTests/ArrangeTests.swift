import Testing

@testable import HehoEngine

@Suite struct ArrangeTests {
  @Test(arguments: [0, 1, 2, 5, 64])
  func arrangeMovesEachElementToWherePositionsSay(count: Int) {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<20 {
      let positions = Array(0..<count).shuffled(using: &generator)
      var elements = (0..<count).map { "e\($0)" }
      let expected = positions.map { elements[$0] }
      elements.arrange(positions)
      #expect(elements == expected)
    }
  }
}
