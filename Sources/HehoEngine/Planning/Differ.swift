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
    // Only differing fields are ordered: a plan with nothing to change sorts nothing.
    let differing = Differ.differing(live.fields, desired.fields).filter { key in
      !Differ.isIgnored(key, by: ignored)
    }
    if differing.isEmpty { return [] }
    let fields = desired.fields.merging(live.fields) { mine, _ in mine }
    return Differ.sorted(differing, in: fields).map { key -> FieldChange in
      let before = live.fields[key]
      let after = desired.fields[key]
      var change = FieldChange(
        field: key, before: before, after: after,
        forcesReplacement: !behavior.inPlaceFields.contains(Differ.root(of: key)))
      change.explanation = explain(change)
      return change
    }
  }

  /// Differences from `live` to `desired` that `lifecycle.ignoreChanges` hides, in the order
  /// of `changes(from:to:)`, each explained by the manifest's reason.
  public func ignoredChanges(from live: LiveResource, to desired: DesiredItem) -> [FieldChange] {
    let ignored = desired.lifecycle.ignoreChanges
    if ignored.isEmpty || (desired.mode == .connect && desired.fields.isEmpty) { return [] }
    let differing = Differ.differing(live.fields, desired.fields)
    if differing.isEmpty { return [] }
    let fields = desired.fields.merging(live.fields) { mine, _ in mine }
    return Differ.sorted(differing, in: fields).compactMap { key -> FieldChange? in
      let before = live.fields[key]
      let after = desired.fields[key]
      guard let rule = ignored.first(where: { Differ.isIgnored(key, by: [$0.field]) })
      else { return nil }
      return FieldChange(field: key, before: before, after: after, explanation: rule.reason)
    }
  }

  /// The fields whose values differ between `live` and `desired`, one absent from either side
  /// included, in no particular order. Walks each side once, without building a set of keys:
  /// most resources of a plan differ in nothing.
  static func differing(_ live: [String: Value], _ desired: [String: Value]) -> [String] {
    var keys: [String] = []
    for (key, value) in desired where live[key] != value { keys.append(key) }
    for key in live.keys where desired[key] == nil { keys.append(key) }
    return keys
  }

  /// Changes that create `desired` from nothing.
  public func creation(of desired: DesiredItem) -> [FieldChange] {
    Differ.sorted(desired.fields.keys, in: desired.fields).map { key in
      var change = FieldChange(field: key, before: nil, after: desired.fields[key])
      change.explanation = explain(change)
      return change
    }
  }

  /// Orders field paths by name, except that the members of a group (`columns.id.type`)
  /// follow the group's list field (`columns: ["id", …]`) in its order, so that they read as
  /// declared.
  ///
  /// Each path's sort key is computed once, not once per comparison, and each group's member
  /// positions once per call.
  static func sorted(_ paths: some Sequence<String>, in fields: [String: Value]) -> [String] {
    var groups: [String: (positions: [String: Int], count: Int)] = [:]
    func positions(of group: String) -> (positions: [String: Int], count: Int) {
      if let known = groups[group] { return known }
      let members = fields[group]?.arrayValue?.compactMap(\.stringValue) ?? []
      var positions: [String: Int] = [:]
      for (index, member) in members.enumerated() where positions[member] == nil {
        positions[member] = index
      }
      groups[group] = (positions, members.count)
      return (positions, members.count)
    }
    func key(_ field: String) -> (String, Int, String) {
      // Split on the bytes: "." is ASCII, and splitting by Character costs a grapheme walk.
      let parts = field.utf8.split(separator: UInt8(ascii: "."), maxSplits: 2).map {
        String(Substring($0))
      }
      guard parts.count > 1 else { return (field, -1, "") }
      let group = positions(of: parts[0])
      let index = group.positions[parts[1]] ?? group.count
      return (parts[0], index, parts.dropFirst().joined(separator: "."))
    }
    return paths.map { (key($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
  }

  static func root(of field: String) -> String {
    field.utf8.split(separator: UInt8(ascii: "."), maxSplits: 1).first.map {
      String(Substring($0))
    } ?? field
  }

  static func isIgnored(_ field: String, by ignored: [String]) -> Bool {
    ignored.contains { field == $0 || field.hasPrefix($0 + ".") }
  }
}
