import Crypto
import Foundation
import Hummingbird
import LocalServerKit
import MultipartKit

/// Reads a `multipart/form-data` upload as it streams in: the `file` part is hashed and kept up
/// to the size limit (never more), the text parts `bot_id` and `name` up to 1 KiB each.
struct KnowledgeUpload {
  var botID: String?
  var name: String?
  var fileName: String?
  var content = Data()
  var sha256 = ""

  /// Parses the request's body, keeping at most `limit` bytes of file; 400, 413 or 415 naming
  /// what is wrong.
  static func read(_ request: Request, limit: Int) async throws -> KnowledgeUpload {
    guard let type = request.headers[.contentType], let boundary = Self.boundary(of: type) else {
      throw LocalAPIError(
        status: .unsupportedMediaType,
        message:
          "the upload must be multipart/form-data with parts bot_id, file and (optional) name")
    }
    let state = State(limit: limit)
    let parser = MultipartParser(boundary: boundary)
    parser.onHeader = { name, value in state.header(name, value) }
    parser.onBody = { buffer in state.body(&buffer) }
    parser.onPartComplete = { state.complete() }
    var headerNames = MultipartHeaderNameGuard(boundary: boundary)
    do {
      for try await chunk in request.body {
        guard headerNames.admits(chunk.readableBytesView) else {
          throw LocalAPIError.badRequest(
            "the multipart body could not be read: a part's header name must be ASCII "
              + "(such as Content-Disposition)")
        }
        try parser.execute(chunk)
        if let problem = state.problem { throw problem }
      }
    } catch let error as LocalAPIError {
      throw error
    } catch {
      throw LocalAPIError.badRequest("the multipart body could not be read: it is malformed")
    }
    if let problem = state.problem { throw problem }
    guard state.sawFile else {
      throw LocalAPIError.badRequest(
        "file is required: a part named 'file' with a filename", field: "file")
    }
    var upload = KnowledgeUpload()
    upload.botID = state.texts["bot_id"]
    upload.name = state.texts["name"]
    upload.fileName = state.fileName
    upload.content = state.file
    upload.sha256 = Hex.string(state.hasher.finalize())
    return upload
  }

  /// The boundary parameter of a `multipart/form-data` content type.
  static func boundary(of contentType: String) -> String? {
    let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
    guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
    for part in parts.dropFirst() where part.lowercased().hasPrefix("boundary=") {
      let value = part.dropFirst("boundary=".count)
      let unquoted =
        value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2
        ? value.dropFirst().dropLast() : value
      return unquoted.isEmpty ? nil : String(unquoted)
    }
    return nil
  }

  /// The parser's running state (used on the request's task only).
  private final class State {
    let limit: Int
    var texts: [String: String] = [:]
    var file = Data()
    var hasher = SHA256()
    var fileName: String?
    var sawFile = false
    var problem: LocalAPIError?
    private var current: String?
    private var currentFileName: String?
    private var currentText = Data()

    init(limit: Int) { self.limit = limit }

    func header(_ name: String, _ value: String) {
      guard name.lowercased() == "content-disposition" else { return }
      current = Self.parameter("name", in: value)
      currentFileName = Self.parameter("filename", in: value)
    }

    func body(_ buffer: inout ByteBuffer) {
      guard problem == nil else { return }
      switch current {
      case "file":
        if sawFile {
          problem = .badRequest("send one file per upload", field: "file")
          return
        }
        guard file.count + buffer.readableBytes <= limit else {
          problem = LocalAPIError(
            status: .contentTooLarge, message: "the file is larger than \(limit) bytes",
            field: "file")
          return
        }
        let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        hasher.update(data: bytes)
        file.append(contentsOf: bytes)
      case "bot_id", "name":
        guard currentText.count + buffer.readableBytes <= 1024 else {
          problem = .badRequest("\(current ?? "") must be at most 1 KiB", field: current)
          return
        }
        currentText.append(contentsOf: buffer.readBytes(length: buffer.readableBytes) ?? [])
      default:
        let name = current ?? ""
        problem = .badRequest(
          "unknown part '\(name.prefix(100))'; the parts are bot_id, file and name", field: name)
      }
    }

    func complete() {
      guard problem == nil else { return }
      switch current {
      case "file":
        sawFile = true
        fileName = currentFileName
      case "bot_id", "name":
        texts[current ?? ""] = String(decoding: currentText, as: UTF8.self)
      default:
        if let current, problem == nil {
          problem = .badRequest(
            "unknown part '\(current.prefix(100))'; the parts are bot_id, file and name",
            field: current)
        }
      }
      current = nil
      currentFileName = nil
      currentText = Data()
    }

    /// `name="file"` in a Content-Disposition value.
    static func parameter(_ key: String, in value: String) -> String? {
      for piece in value.split(separator: ";") {
        let trimmed = piece.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix(key + "=") else { continue }
        var text = trimmed.dropFirst(key.count + 1)
        if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 {
          text = text.dropFirst().dropLast()
        }
        return String(text)
      }
      return nil
    }
  }
}
