extension Array {
  /// Rearranges the elements so that the element at `positions[i]` comes to index `i`, by
  /// swapping along each cycle of the permutation: no element is copied.
  ///
  /// - Precondition: `positions` is a permutation of the array's indices.
  mutating func arrange(_ positions: [Int]) {
    var placed = [Bool](repeating: false, count: count)
    for start in indices where !placed[start] {
      var current = start
      while true {
        placed[current] = true
        let next = positions[current]
        if next == start { break }
        swapAt(current, next)
        current = next
      }
    }
  }
}
