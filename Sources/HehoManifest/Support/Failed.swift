/// A diagnostic carried as an error, for `Result`s inside the loader.
struct Failed: Error {
  var diagnostic: Diagnostic

  init(_ diagnostic: Diagnostic) {
    self.diagnostic = diagnostic
  }
}
