import LocalServerKit

/// Draws for scenario generation, on the local platform's seeded generator, so a scenario's
/// seed reproduces it exactly.
extension SplitMix64 {
  /// A double uniformly distributed in `0..<1`.
  mutating func unit() -> Double {
    nextUnit()
  }

  /// True with probability `probability`.
  mutating func chance(_ probability: Double) -> Bool {
    unit() < probability
  }

  /// An integer in `range`.
  mutating func int(_ range: ClosedRange<Int>) -> Int {
    Int.random(in: range, using: &self)
  }

  /// One of `items`, or `fallback` when there are none.
  mutating func pick<T>(_ items: [T], or fallback: T) -> T {
    items.isEmpty ? fallback : items[int(0...(items.count - 1))]
  }

  /// Up to `count` distinct items of `items`, in a random order.
  mutating func some<T>(_ items: [T], count: Int) -> [T] {
    Array(items.shuffled(using: &self).prefix(max(0, count)))
  }
}
