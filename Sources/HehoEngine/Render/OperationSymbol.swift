extension PlannedOperation.Action {
  /// The Terraform-like symbol of the action: `+`, `~`, `-/+`, `-`, `<=`.
  public var symbol: String {
    switch self {
    case .connect: return "<="
    case .create: return "+"
    case .update: return "~"
    case .replace: return "-/+"
    case .migrate: return "~"
    case .delete: return "-"
    case .noop: return " "
    }
  }

  /// A verb phrase: `will be created`.
  public var phrase: String {
    switch self {
    case .connect: return "will be connected"
    case .create: return "will be created"
    case .update: return "will be updated in place"
    case .replace: return "must be replaced"
    case .migrate: return "will be migrated: its records are copied over"
    case .delete: return "will be deleted"
    case .noop: return "is unchanged"
    }
  }

  func painted(_ text: String, with style: Style) -> String {
    switch self {
    case .connect: return style.cyan(text)
    case .create: return style.green(text)
    case .update: return style.yellow(text)
    case .replace: return style.magenta(text)
    case .migrate: return style.yellow(text)
    case .delete: return style.red(text)
    case .noop: return text
    }
  }
}
