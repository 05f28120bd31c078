internal import CYaml

/// Pulls libyaml parsing events out of UTF-8 text, one at a time.
///
/// libyaml reads the bytes in place: they must stay valid as long as the stream is used, so
/// create the stream inside `String.withUTF8` and drop it there.
final class YAMLEventStream {
  private let parser: UnsafeMutablePointer<yaml_parser_t>
  private let ready: Bool
  /// Input for empty text, which libyaml does not accept as a null pointer.
  private let emptyInput: UnsafeMutablePointer<UInt8>

  /// Prepares to parse `bytes` (UTF-8, without a byte-order mark).
  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    parser = .allocate(capacity: 1)
    parser.initialize(to: yaml_parser_t())
    emptyInput = .allocate(capacity: 1)
    emptyInput.initialize(to: 0)
    ready = yaml_parser_initialize(parser) == 1
    if ready {
      yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
      yaml_parser_set_input_string(
        parser, bytes.baseAddress ?? UnsafePointer(emptyInput), bytes.count)
    }
  }

  deinit {
    if ready { yaml_parser_delete(parser) }
    parser.deinitialize(count: 1)
    parser.deallocate()
    emptyInput.deinitialize(count: 1)
    emptyInput.deallocate()
  }

  /// Whether the end of the stream has been read.
  var ended: Bool { parser.pointee.stream_end_produced != 0 }

  /// The next event; after an error, the stream must not be read further.
  func next() throws(YAMLStreamError) -> YAMLEvent {
    guard ready else { throw .problem(Self.memoryProblem) }
    var event = yaml_event_t()
    guard yaml_parser_parse(parser, &event) == 1 else { throw .problem(problem()) }
    defer { yaml_event_delete(&event) }
    let mark = YAMLEvent.Mark(
      line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
    switch event.type {
    case YAML_STREAM_START_EVENT: return .streamStart
    case YAML_STREAM_END_EVENT: return .streamEnd
    case YAML_DOCUMENT_START_EVENT: return .documentStart
    case YAML_DOCUMENT_END_EVENT: return .documentEnd
    case YAML_ALIAS_EVENT:
      return .alias(anchor: Self.string(event.data.alias.anchor) ?? "", mark: mark)
    case YAML_SCALAR_EVENT:
      let scalar = event.data.scalar
      var bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
      // Yams decoded scalars with Foundation, which drops one leading byte-order mark.
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
        bytes = UnsafeBufferPointer(rebasing: bytes[3...])
      }
      let text = String(decoding: bytes, as: UTF8.self)
      // Yams named an untagged quoted scalar `!!str` and an untagged plain one by nothing.
      let tag =
        scalar.quoted_implicit == 1 ? "tag:yaml.org,2002:str" : Self.string(scalar.tag) ?? ""
      let plainStyle =
        scalar.style == YAML_PLAIN_SCALAR_STYLE || scalar.style == YAML_ANY_SCALAR_STYLE
      return .scalar(
        YAMLEvent.Scalar(
          text: text, tag: tag, plainStyle: plainStyle,
          singleLine: event.start_mark.line == event.end_mark.line,
          anchor: Self.string(scalar.anchor), mark: mark))
    case YAML_SEQUENCE_START_EVENT:
      return .sequenceStart(anchor: Self.string(event.data.sequence_start.anchor), mark: mark)
    case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
    case YAML_MAPPING_START_EVENT:
      return .mappingStart(anchor: Self.string(event.data.mapping_start.anchor), mark: mark)
    case YAML_MAPPING_END_EVENT: return .mappingEnd
    default:
      throw .problem(
        YAMLStreamError.Problem(
          stage: .unknown, problem: "unexpected YAML event", mark: mark, context: nil, offset: 0))
    }
  }

  /// The parser's error, as libyaml describes it.
  private func problem() -> YAMLStreamError.Problem {
    let state = parser.pointee
    let stage: YAMLStreamError.Problem.Stage
    switch state.error {
    case YAML_MEMORY_ERROR: stage = .memory
    case YAML_READER_ERROR: stage = .reader
    case YAML_SCANNER_ERROR: stage = .scanner
    case YAML_PARSER_ERROR: stage = .parser
    case YAML_COMPOSER_ERROR: stage = .composer
    default: stage = .unknown
    }
    let context = state.context.map {
      YAMLStreamError.Problem.Context(
        text: String(cString: $0),
        mark: YAMLEvent.Mark(
          line: Int(state.context_mark.line) + 1, column: Int(state.context_mark.column) + 1))
    }
    return YAMLStreamError.Problem(
      stage: stage, problem: state.problem.map { String(cString: $0) } ?? "",
      mark: YAMLEvent.Mark(
        line: Int(state.problem_mark.line) + 1, column: Int(state.problem_mark.column) + 1),
      context: context, offset: Int(state.problem_offset))
  }

  private static let memoryProblem = YAMLStreamError.Problem(
    stage: .memory, problem: "", mark: YAMLEvent.Mark(line: 1, column: 1), context: nil,
    offset: 0)

  /// A NUL-terminated libyaml string (anchor, tag), invalid UTF-8 repaired.
  private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    pointer.map { String(cString: $0) }
  }
}
