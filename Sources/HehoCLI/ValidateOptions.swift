import ArgumentParser

/// `--output` of `heho validate`.
enum ValidateOutput: String, ExpressibleByArgument, CaseIterable {
  case text
  case json
}

/// Parsing shared by commands that load manifests.
enum ValidateOptions {
  /// `NAME=VALUE` pairs from `--var`, keyed by name; a later pair wins.
  static func parseVariables(_ pairs: [String]) throws -> [String: String] {
    var variables: [String: String] = [:]
    for pair in pairs {
      guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
        throw ValidationError("--var takes NAME=VALUE, got '\(pair.prefix { $0 != "=" })…'")
      }
      variables[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
    }
    return variables
  }
}
