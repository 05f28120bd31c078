import Foundation

/// A request body sent in pieces rather than held whole: bytes before, a file's content, bytes
/// after (a `multipart/form-data` upload of a large file). The file is read 64 KiB at a time.
public struct StreamedBody: Sendable, Hashable {
  /// Bytes sent before the file (multipart headers).
  public var prefix: Data
  /// The file whose content follows.
  public var path: String
  /// Bytes sent after the file (the closing boundary).
  public var suffix: Data

  /// Creates a streamed body.
  public init(prefix: Data, path: String, suffix: Data) {
    self.prefix = prefix
    self.path = path
    self.suffix = suffix
  }

  /// The body's length in bytes: the file's size as it is now, and the two ends.
  public func length() throws -> Int {
    let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
    return prefix.count + size + suffix.count
  }

  /// The body's pieces, in order: `prefix`, the file 64 KiB at a time, `suffix`.
  public func chunks() -> AsyncThrowingStream<Data, any Error> {
    let (prefix, path, suffix) = (self.prefix, self.path, self.suffix)
    return AsyncThrowingStream { continuation in
      let task = Task {
        do {
          continuation.yield(prefix)
          let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
          defer { try? handle.close() }
          while !Task.isCancelled, let chunk = try handle.read(upToCount: 64 * 1024),
            !chunk.isEmpty
          {
            continuation.yield(chunk)
          }
          continuation.yield(suffix)
          continuation.finish()
        } catch {
          continuation.finish(throwing: error)
        }
      }
      continuation.onTermination = { _ in task.cancel() }
    }
  }
}
