/// The frame of a JUnit XML document as CI dashboards read it: the XML declaration, then one
/// `<testsuite>` inside `<testsuites>`, around the test cases. Test and drift reports share
/// it: only their names, counts and cases differ.
enum JUnitDocument {
  /// The document; `suites` and `suite` are the attributes of `<testsuites>` and `<testsuite>`,
  /// already escaped, and `cases` the lines of the test cases.
  static func render(suites: String, suite: String, cases: [String]) -> String {
    let open = [
      #"<?xml version="1.0" encoding="UTF-8"?>"#, "<testsuites \(suites)>",
      "  <testsuite \(suite)>",
    ]
    return (open + cases + ["  </testsuite>", "</testsuites>"]).joined(separator: "\n")
  }
}
