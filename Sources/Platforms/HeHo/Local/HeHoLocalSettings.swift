import LocalServerKit

/// HeHo's own settings of the local platform. It has one, and only tests set it:
/// `heho local serve` offers no HeHo options.
package struct HeHoLocalSettings: LocalPlatformSettings, Hashable {
  package static var platform: String { "heho" }

  /// Every chatbot created is stored with this theme, whatever the request says, like a
  /// platform that does not keep a field as written (to test apply's read-back). `nil` (the
  /// default) stores what was sent. Read per request, so tests change it while it runs
  /// (`LocalPlatform.setSettings`).
  package var storedChatbotTheme: String?

  /// HeHo's defaults: chatbots are stored as sent.
  package init() {
    storedChatbotTheme = nil
  }

  /// Settings that store every chatbot with `storedChatbotTheme` (tests only).
  package init(storedChatbotTheme: String?) {
    self.storedChatbotTheme = storedChatbotTheme
  }
}
