import HehoManifest
import PlatformKit

/// A phone number belongs to one agent: a number two Agent manifests claim is an error at the
/// second, naming the first.
public struct PhoneNumberRule: ResourceSetRule {
  /// Creates the rule.
  public init() {}

  public func check(_ drafts: [ResourceDraft]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var holders: [String: Int] = [:]  // Indexes into `drafts`: a draft is a large value.
    for (position, draft) in drafts.enumerated() where draft.kind == HeppuKind.agent.rawValue {
      for (index, number) in (draft.spec["phoneNumbers"]?.arrayValue ?? []).enumerated() {
        guard let number = number.stringValue else { continue }
        if let first = holders[number].map({ drafts[$0] }), first.name != draft.name {
          diagnostics.append(
            Diagnostic(
              .error,
              "\(draft.label) claims phone number \(number), which \(first.label) already claims "
                + "(\(first.valueLocation("phoneNumbers"))); a number rings one agent",
              at: draft.valueLocation("phoneNumbers[\(index)]")))
        } else {
          holders[number] = position
        }
      }
    }
    return diagnostics
  }
}
