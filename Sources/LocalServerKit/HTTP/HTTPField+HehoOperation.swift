import HTTPTypes

extension HTTPField.Name {
  /// The header in which heho labels the requests of a multi-request operation
  /// (`migrate table/items: backup`; `PlatformOperation` in the engine), so that the metrics can
  /// count requests and faults per step where one path serves several steps.
  // The name is a constant, valid HTTP token, so the failable initializer never fails.
  // swift-format-ignore: NeverForceUnwrap
  package static let hehoOperation = Self("Heho-Operation")!
}
