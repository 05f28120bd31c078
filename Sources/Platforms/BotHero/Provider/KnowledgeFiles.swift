import Crypto
import Foundation
import PlatformKit

#if canImport(Glibc)
  import Glibc
#endif

/// The files knowledge documents come from: the types and sizes BotHero accepts
/// (`docs/bothero-api-contract.md`, "Knowledge"), include globs, and content hashes read in
/// pieces, never whole.
public enum KnowledgeFiles {
  /// The extensions BotHero accepts.
  public static let extensions = ["csv", "htm", "html", "json", "markdown", "md", "txt"]
  /// The largest file BotHero accepts (10 MiB).
  public static let maximumSize = 10 * 1024 * 1024

  /// What is wrong with the file at `path` for BotHero, or `nil` when it may be uploaded.
  public static func problem(at path: String, shownAs shown: String) -> String? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return "'\(shown)' does not exist"
    }
    if isDirectory.boolValue { return "'\(shown)' is a directory, not a file" }
    let fileExtension = (path as NSString).pathExtension.lowercased()
    guard extensions.contains(fileExtension) else {
      return "'\(shown)' is not a type BotHero accepts ("
        + extensions.map { "." + $0 }.joined(separator: ", ") + ")"
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    if size == 0 { return "'\(shown)' is empty" }
    if size > maximumSize {
      return "'\(shown)' is \(size) bytes; BotHero takes at most \(maximumSize) (10 MiB)"
    }
    return nil
  }

  /// The size and SHA-256 (hex) of a file, read 64 KiB at a time.
  public static func digest(of path: String) throws -> (size: Int, sha256: String) {
    let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    var hasher = SHA256()
    var size = 0
    while let chunk = try handle.read(upToCount: 64 * 1024), !chunk.isEmpty {
      hasher.update(data: chunk)
      size += chunk.count
    }
    return (size, Hex.string(hasher.finalize()))
  }

  /// The files under `directory` whose path relative to it matches one of `patterns`, as
  /// relative paths, sorted. Hidden files and directories are skipped.
  public static func expand(_ directory: String, include patterns: [String]) -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
    var found: [String] = []
    while let relative = walker.nextObject() as? String {
      let parts = relative.split(separator: "/").map(String.init)
      if parts.contains(where: { $0.hasPrefix(".") }) { continue }
      var isDirectory: ObjCBool = false
      let full = directory + "/" + relative
      guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory),
        !isDirectory.boolValue
      else { continue }
      if patterns.contains(where: { matches($0, parts) }) { found.append(relative) }
    }
    return found.sorted()
  }

  /// Whether a relative path matches a glob: `*` and `?` within a segment, `**` across any
  /// number of segments.
  public static func matches(_ pattern: String, _ path: [String]) -> Bool {
    let segments = pattern.split(separator: "/").map(String.init)
    return matches(segments[...], path[...])
  }

  private static func matches(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
    guard let head = pattern.first else { return path.isEmpty }
    if head == "**" {
      let rest = pattern.dropFirst()
      var remaining = path
      while true {
        if matches(rest, remaining) { return true }
        guard !remaining.isEmpty else { return false }
        remaining = remaining.dropFirst()
      }
    }
    guard let segment = path.first, fnmatch(head, segment, 0) == 0 else { return false }
    return matches(pattern.dropFirst(), path.dropFirst())
  }
}
