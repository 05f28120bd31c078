/// Async work over a list with at most a given number of calls in flight: the shape every
/// per-resource read takes (record counts, row reads, output values).
public enum BoundedTasks {
  /// `transform` of every element, at most `width` at once; results in `items`' order. The
  /// first error cancels the rest and is thrown.
  public static func map<Item: Sendable, Result: Sendable>(
    _ items: [Item], width: Int, _ transform: @escaping @Sendable (Item) async throws -> Result
  ) async throws -> [Result] {
    try await withThrowingTaskGroup(of: (Int, Result).self) { group in
      var pending = items.enumerated().makeIterator()
      for _ in 0..<max(1, width) {
        guard let (index, item) = pending.next() else { break }
        group.addTask { (index, try await transform(item)) }
      }
      var results: [Int: Result] = [:]
      while let (index, result) = try await group.next() {
        results[index] = result
        if let (next, item) = pending.next() {
          group.addTask { (next, try await transform(item)) }
        }
      }
      return items.indices.compactMap { results[$0] }
    }
  }
}
