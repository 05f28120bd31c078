import Foundation
import HehoManifest
import Synchronization
import Testing

@Suite struct DedicatedThreadsTests {
  final class Flag: Sendable {
    let value = Atomic<Bool>(false)
  }

  @Test(arguments: [0, 1, 2, 7, 100])
  func mapGivesEveryIndexOnceInOrder(count: Int) {
    let calls = Mutex<[Int]>([])
    let results = DedicatedThreads.map(count, width: 3) { index in
      calls.withLock { $0.append(index) }
      return index * 2
    }
    #expect(results == (0..<count).map { $0 * 2 })
    #expect(calls.withLock { $0.sorted() } == Array(0..<count))
  }

  @Test func tasksStillRunWhileEveryCoreIsBusyMapping() async {
    // Every core spins until a task sets the flag: with Dispatch's workers taken, no task
    // could run until the spinning gave up.
    let flag = Flag()
    let width = ProcessInfo.processInfo.activeProcessorCount
    async let seen = DedicatedThreads.run {
      DedicatedThreads.map(width, width: width) { _ in
        let deadline = Date().addingTimeInterval(10)
        while !flag.value.load(ordering: .acquiring) && Date() < deadline {}
        return flag.value.load(ordering: .acquiring)
      }
    }
    try? await Task.sleep(for: .milliseconds(20))
    await Task.detached { flag.value.store(true, ordering: .releasing) }.value
    #expect(await seen.allSatisfy { $0 })
  }

  @Test(arguments: [0, 1, 5, 512, 513, 5_000])
  func chunkedMapKeepsOrderAndCallsEachElementOnce(count: Int) {
    let calls = Atomic<Int>(0)
    let results = DedicatedThreads.chunkedMap(Array(0..<count), minimumChunk: 100) { element in
      calls.wrappingAdd(1, ordering: .relaxed)
      return "\(element)"
    }
    #expect(results == (0..<count).map { "\($0)" })
    #expect(calls.load(ordering: .relaxed) == count)
  }

  final class Tracked: Sendable {
    let freed: Flag
    init(_ freed: Flag) { self.freed = freed }
    deinit { freed.value.store(true, ordering: .releasing) }
  }

  @Test func backgroundReleaseFreesTheValueOnAnotherThread() async throws {
    let freed = Flag()
    var value: Tracked? = Tracked(freed)
    if let tracked = value.take() { BackgroundRelease.release(tracked) }
    #expect(value == nil)
    let deadline = Date().addingTimeInterval(10)
    while !freed.value.load(ordering: .acquiring) && Date() < deadline {
      try await Task.sleep(for: .milliseconds(1))
    }
    let wasFreed = freed.value.load(ordering: .acquiring)
    #expect(wasFreed)
  }
}
