import Foundation
import Synchronization

/// CPU-bound work on threads of its own, outside Dispatch's worker pool.
///
/// On Linux, Swift's cooperative executor runs on Dispatch's global worker threads, at most one
/// per core. `DispatchQueue.concurrentPerform` and `DispatchQueue.global().async` take those same
/// workers, so while manifests load on every core no task can run: a request started just
/// before (the live state, read while the manifests load) is not even sent until loading ends.
/// Threads of their own leave the workers to tasks and share the cores through the kernel's
/// scheduler instead.
public enum DedicatedThreads {
  /// `transform` of every index in `0..<count`, in index order, computed on up to `width`
  /// threads at once (the calling thread is one of them); returns when every call has returned.
  public static func map<T: Sendable>(
    _ count: Int, width: Int = ProcessInfo.processInfo.activeProcessorCount,
    _ transform: @escaping @Sendable (Int) -> T
  ) -> [T] {
    let work = Work<T>(count: count, transform: transform)
    let helpers = max(0, min(width, count) - 1)
    let done = DispatchSemaphore(value: 0)
    for _ in 0..<helpers {
      Thread {
        work.run()
        done.signal()
      }.start()
    }
    work.run()
    for _ in 0..<helpers { done.wait() }
    return work.results
  }

  /// `transform` of every element of `elements`, in order, computed in chunks of at least
  /// `minimumChunk` elements on up to `width` threads (the calling thread is one of them). A
  /// short list is transformed on the calling thread alone: starting a thread costs more than
  /// a few hundred cheap calls.
  public static func chunkedMap<Element: Sendable, T: Sendable>(
    _ elements: [Element], minimumChunk: Int = 512,
    width: Int = ProcessInfo.processInfo.activeProcessorCount,
    _ transform: @escaping @Sendable (Element) -> T
  ) -> [T] {
    let chunk = max(minimumChunk, 1)
    if elements.count <= chunk || width < 2 { return elements.map(transform) }
    // A few chunks per thread, so that one slow chunk does not leave the other threads idle.
    let size = max(chunk, (elements.count + width * 4 - 1) / (width * 4))
    let count = elements.count
    let chunks = (count + size - 1) / size
    // Each chunk writes its results straight into its own range of the result (not into a
    // list of its own, copied into the result afterwards: each copy of a large value costs
    // a retain of every reference it holds).
    return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
      let output = ChunkOutput(buffer)
      _ = map(chunks, width: width) { chunk in
        for index in chunk * size..<min(chunk * size + size, count) {
          output.initialize(index, to: transform(elements[index]))
        }
      }
      initialized = count
    }
  }

  /// The result buffer of a `chunkedMap`, shared by its threads.
  ///
  /// `@unchecked Sendable` because a raw buffer is not: it is safe here because each chunk
  /// initializes a range of its own, no element is read until every thread has finished, and
  /// the buffer outlives the threads (`map` returns only when all have).
  private struct ChunkOutput<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>

    init(_ buffer: UnsafeMutableBufferPointer<T>) {
      self.buffer = buffer
    }

    func initialize(_ index: Int, to value: consuming T) {
      buffer.initializeElement(at: index, to: value)
    }
  }

  /// Runs `body` on a new thread and resumes the caller with its result.
  public static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
      Thread { continuation.resume(returning: body()) }.start()
    }
  }

  /// The indexes still to take and the results so far, shared by the threads of one `map`.
  private final class Work<T: Sendable>: Sendable {
    let count: Int
    let transform: @Sendable (Int) -> T
    let next = Atomic<Int>(0)
    let slots: Mutex<[T?]>

    init(count: Int, transform: @escaping @Sendable (Int) -> T) {
      self.count = count
      self.transform = transform
      slots = Mutex(Array(repeating: nil, count: count))
    }

    /// Takes indexes until none is left.
    func run() {
      while true {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        if index >= count { return }
        let value = transform(index)
        slots.withLock { $0[index] = value }
      }
    }

    /// The results in index order; complete once every thread's `run()` has returned.
    var results: [T] {
      slots.withLock { $0.compactMap { $0 } }
    }
  }
}
