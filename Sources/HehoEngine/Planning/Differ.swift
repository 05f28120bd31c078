import HehoManifest

/// Compares a desired item's normalized fields with a live resource's.
public struct Differ: Sendable {
  /// The behavior of the item's kind.
  public var behavior: KindBehavior
  /// Explains a change in the provider's words, when it can.
  public var explain: @Sendable (FieldChange) -> String?

  /// Creates a differ.
  public init(
    behavior: KindBehavior, explain: @escaping @Sendable (FieldChange) -> String? = { _ in nil }
  ) {
    self.behavior = behavior
    self.explain = explain
  }

  /// Field changes from `live` to `desired`, sorted by field, ignored fields left out.
  ///
  /// A connected resource with no fields given is not compared at all.
  public func changes(from live: LiveResource, to desired: DesiredItem) -> [FieldChange] {
    if desired.mode == .connect && desired.fields.isEmpty { return [] }
    let ignored = desired.lifecycle.ignoreChanges.map(\.field)
    let keys = Set(desired.fields.keys).union(live.fields.keys)
    let order = Differ.order(desired.fields.merging(live.fields) { mine, _ in mine })
    return keys.sorted(by: order).compactMap { key -> FieldChange? in
      let before = live.fields[key]
      let after = desired.fields[key]
      guard before != after, !Differ.isIgnored(key, by: ignored) else { return nil }
      var change = FieldChange(
        field: key, before: before, after: after,
        forcesReplacement: !behavior.inPlaceFields.contains(Differ.root(of: key)))
      change.explanation = explain(change)
      return change
    }
  }

  /// Changes that create `desired` from nothing.
  public func creation(of desired: DesiredItem) -> [FieldChange] {
    desired.fields.keys.sorted(by: Differ.order(desired.fields)).map { key in
      var change = FieldChange(field: key, before: nil, after: desired.fields[key])
      change.explanation = explain(change)
      return change
    }
  }

  /// Orders field paths by name, except that the members of a group (`columns.id.type`)
  /// follow the group's list field (`columns: ["id", …]`) in its order, so that they read as
  /// declared.
  static func order(_ fields: [String: Value]) -> (String, String) -> Bool {
    func key(_ field: String) -> (String, Int, String) {
      let parts = field.split(separator: ".", maxSplits: 2).map(String.init)
      guard parts.count > 1 else { return (field, -1, "") }
      let members = fields[parts[0]]?.arrayValue?.compactMap(\.stringValue) ?? []
      let index = members.firstIndex(of: parts[1]) ?? members.count
      return (parts[0], index, parts.dropFirst().joined(separator: "."))
    }
    return { key($0) < key($1) }
  }

  static func root(of field: String) -> String {
    String(field.split(separator: ".", maxSplits: 1).first ?? Substring(field))
  }

  static func isIgnored(_ field: String, by ignored: [String]) -> Bool {
    ignored.contains { field == $0 || field.hasPrefix($0 + ".") }
  }
}
