import HehoManifest
import PlatformKit

/// The kinds BotHero manages, each spelled once: the raw value is the manifest's `kind`, and
/// `addressKind` the lower-cased name addresses use.
public enum BotHeroKind: String, PlatformKind {
  /// A bot (`BotKind`).
  case bot = "Bot"
  /// One file a bot answers from (`KnowledgeDocumentKind`).
  case knowledgeDocument = "KnowledgeDocument"
  /// A folder of files a bot answers from, compiled into one document per file
  /// (`KnowledgeBaseKind`).
  case knowledgeBase = "KnowledgeBase"
  /// Events delivered to a URL, signed (`WebhookKind`).
  case webhook = "Webhook"
}

extension BotHeroKind {
  /// The manifest kind: its schema and rules.
  var manifestKind: any ManifestKind {
    switch self {
    case .bot: BotKind()
    case .knowledgeDocument: KnowledgeDocumentKind()
    case .knowledgeBase: KnowledgeBaseKind()
    case .webhook: WebhookKind()
    }
  }

}
