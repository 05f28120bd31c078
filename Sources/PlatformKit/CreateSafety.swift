/// A switch for the reliability tests only: it breaks the promise that a create whose outcome
/// is unknown is looked up before it is sent again, so the tests can show that their duplicate
/// check catches the duplicates such a create makes.
///
/// It is a task-local value, so it holds only inside `withValue` in the test that sets it, and
/// no flag, variable or file can turn it on in a real run.
@_spi(FaultTesting)
public enum CreateSafety {
  /// When true, a create whose outcome is unknown is sent again without a look-up. Never set
  /// outside a test.
  @TaskLocal public static var resendWithoutLookup = false
}
