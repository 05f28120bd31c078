import ArgumentParser
import HehoEngine
import HehoManifest

/// The tests a `heho test` run names: all of them, or those named on the command line.
struct TestSelection: Sendable {
  /// Names given on the command line; empty selects every test.
  var names: [String]

  /// The selected tests of `state`, in manifest order.
  ///
  /// - Throws: an error (exit 1, turned into 2 by the command) naming a test the manifests do
  ///   not declare, with the closest declared name; or saying there are no tests at all.
  func tests(in state: DesiredState) throws -> [ConversationTest] {
    let all = state.tests.compactMap(ConversationTest.init)
    guard !all.isEmpty else {
      throw CommandFailure.report(
        "the manifests declare no ConversationTest; add one (kind: ConversationTest, "
          + "apiVersion: heho/v1) beside the resources it talks to")
    }
    guard !names.isEmpty else { return all }
    let declared = all.map(\.name)
    for name in names where !declared.contains(name) {
      throw CommandFailure.report(
        "no ConversationTest is named '\(name)'"
          + Suggestions.didYouMean(name, among: declared))
    }
    return all.filter { names.contains($0.name) }
  }
}
